import {
  figureOf,
  formatPerSecond,
  saysAverage,
  trafficDirection,
  type DerivedId,
  type Estimate,
} from "@archboard/estimates";
import type { Box, DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor, quote } from "./naming.ts";
import { isRequest, ratePerSecond, rateText, times } from "./rates.ts";

export const meta: RuleMeta = {
  id: "SD019",
  alias: "estimate-mismatch",
  title: "Arrow rates agree with the estimate",
  category: "estimates",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD019.md",
};

/** More than this far apart, one way or the other, and the two cannot describe the same traffic. */
const TOLERANCE = 3;
const ENTRY_KINDS = new Set(["lb", "service"]);

/**
 * A request rate on an arrow where traffic enters the system (out of a client into a load
 * balancer or service, or into the API tier from in front of it) that differs more than
 * 3× from the estimate's peak QPS (average when the label says so) for its direction:
 * reads or writes when the label names one (and the estimate has it), all requests when
 * it names neither. Several arrows leaving one box split its traffic, so an arrow naming
 * no direction is judged only when it is the only one. Quiet without an estimate.
 */
export function check(model: DiagramModel, config: LintConfig): RuleHit[] {
  const estimate = config.estimate;
  if (!estimate || estimate.figures.length === 0) return [];
  const bySource = new Map<Box, Edge[]>();
  for (const edge of model.edges) {
    if (!isRequest(edge) || !entersSystem(edge)) continue;
    const list = bySource.get(edge.from!);
    if (list) list.push(edge);
    else bySource.set(edge.from!, [edge]);
  }
  const hits: RuleHit[] = [];
  for (const edges of bySource.values()) {
    for (const edge of edges) {
      const rate = ratePerSecond(edge);
      if (rate === null || rate <= 0 || !enabledFor(model, meta, edge.id)) continue;
      const target = targetFor(estimate, edge.label, edges.length === 1);
      if (!target) continue;
      const ratio = Math.max(rate / target.value, target.value / rate);
      if (ratio <= TOLERANCE) continue;
      hits.push({
        message: `${quote(rateText(edge))} from ${boxName(edge.from!)} to ${boxName(edge.to!)} is ${times(ratio)} ${rate > target.value ? "more" : "less"} than the estimate's ${target.name} (${formatPerSecond(target.value)}): one of them is off`,
        elementIds: [edge.id],
      });
    }
  }
  return hits;
}

/** Out of a client into the system, or into the API tier from a client, CDN or load balancer. */
function entersSystem(edge: Edge): boolean {
  const from = edge.from!,
    to = edge.to!;
  if (from.kind === "client") return !!to.kind && ENTRY_KINDS.has(to.kind);
  return to.kind === "service" && from.tier !== null && from.tier < 3;
}

/**
 * The estimate's figure an arrow is held to: the direction its label names, else all
 * requests when it is the only way out of its box (otherwise it carries an unknown share).
 */
function targetFor(estimate: Estimate, label: string, alone: boolean): { value: number; name: string } | null {
  const average = saysAverage(label);
  const direction = trafficDirection(label);
  const pick = (avg: DerivedId, peak: DerivedId, what: string) => {
    const f = figureOf(estimate, average ? avg : peak);
    return f ? { value: f.value, name: `${average ? "average" : "peak"} ${what}QPS` } : null;
  };
  const reads = pick("avgReadQps", "peakReadQps", "read ");
  const writes = pick("avgWriteQps", "peakWriteQps", "write ");
  // An estimate that does not split reads and writes cannot say how much of it one direction is.
  if (direction === "read") return reads;
  if (direction === "write") return writes;
  if (!alone) return null;
  // All requests: the total, or the one direction the estimate has.
  return pick("avgQps", "peakQps", "") ?? (reads && !writes ? reads : writes && !reads ? writes : null);
}
