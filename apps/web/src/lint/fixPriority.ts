/**
 * How much each diagram check matters in the interview: every rule belongs to the
 * rubric dimension an interviewer would mark down for it, and dimensions weigh
 * differently on a diagram. "What to fix first" orders by severity, then by this
 * weight, so a missing client or missing numbers come before unbound text.
 */
import { rubric } from "@archboard/interview";
import type { Severity } from "@archboard/diagram-lint";

/** The ids of the rubric's nine dimensions (`rubric.dimensions` in `@archboard/interview`). */
export type DimensionId =
  | "requirements"
  | "estimation"
  | "decomposition"
  | "api-data"
  | "trade-offs"
  | "distributed-depth"
  | "failure-handling"
  | "operations"
  | "communication";

/** The rubric dimension each rule speaks to. Rules not listed count as communication. */
export const RULE_DIMENSION: Readonly<Record<string, DimensionId>> = {
  SD001: "communication", // a nameless box
  SD002: "communication", // an arrow that does not say what travels on it
  SD003: "decomposition", // data flow that ends nowhere
  SD004: "communication", // the reader cannot find where requests start
  SD005: "decomposition", // no user: the design serves nobody
  SD006: "communication", // flow drawn backwards
  SD007: "estimation", // no numbers at all
  SD008: "estimation", // arrows without rates
  SD009: "api-data", // one arrow for two access patterns
  SD010: "failure-handling", // a single database is a single point of failure
  SD011: "distributed-depth", // a cache with no source of truth
  SD012: "decomposition", // a client talking to storage directly
  SD013: "communication", // labels that drift away from their shapes
  SD014: "communication", // overlapping boxes
  SD015: "decomposition", // a box nothing talks to
  SD016: "trade-offs", // every heavyweight tool at once
  SD017: "decomposition", // a queue nothing consumes
  SD018: "operations", // no way to know it is broken
  SD019: "estimation",
  SD020: "estimation",
  SD021: "estimation",
};

/**
 * Weight of a dimension when judging a diagram: the structure and the numbers carry
 * the design; depth and reliability come next; tidiness of the drawing last. Requirements
 * do not show on a diagram, so no rule maps to them.
 */
const DIMENSION_WEIGHT: Readonly<Record<DimensionId, number>> = {
  decomposition: 6,
  estimation: 5,
  "api-data": 4,
  "failure-handling": 4,
  "distributed-depth": 3,
  operations: 3,
  "trade-offs": 2,
  requirements: 2,
  communication: 1,
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warn: 1, info: 2 };

/** The rubric dimension a rule speaks to. */
export function dimensionOf(ruleId: string): DimensionId {
  return RULE_DIMENSION[ruleId] ?? "communication";
}

/** The dimension's title as the rubric words it ("System decomposition"). */
export function dimensionTitle(id: DimensionId): string {
  return rubric.dimensions.find((d) => d.id === id)?.title ?? id;
}

/** What the ordering reads from a group of findings. */
export interface Rankable {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly count: number;
}

/**
 * Compares two groups for "what to fix first": worse severity first, then the
 * weightier rubric dimension, then the group with more findings, then rule id
 * (so the order is stable between runs).
 */
export function compareByPriority(a: Rankable, b: Rankable): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    DIMENSION_WEIGHT[dimensionOf(b.ruleId)] - DIMENSION_WEIGHT[dimensionOf(a.ruleId)] ||
    b.count - a.count ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
