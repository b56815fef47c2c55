/**
 * Findings grouped by rule, the way the panel shows them: one row per rule with its
 * count, the elements to step through in reading order, and the bulk fix when the
 * rule's findings carry one. Groups come ordered by what to fix first.
 */
import { findRule, type Finding, type Severity } from "@archboard/diagram-lint";
import { readingOrder, type Bounds } from "./elementBounds.ts";
import { compareByPriority, dimensionOf, type DimensionId } from "./fixPriority.ts";
import { bulkFixIndices, bulkFixTitle, firstFix, headline, listsElements, rowTitle } from "./rulePhrases.ts";

/** All findings of one rule. */
export interface RuleGroup {
  readonly ruleId: string;
  readonly alias: string;
  readonly severity: Severity;
  /** The group's row: "42 arrows have no label". */
  readonly title: string;
  /** Its line in the summary: a single finding's own sentence, else the row title. */
  readonly headline: string;
  /** The rubric dimension the rule speaks to. */
  readonly dimension: DimensionId;
  readonly count: number;
  /** The number the row shows beside its title: what the title counts (elements for a rule listing them). */
  readonly size: number;
  /** The findings, in the reading order of the first element each points at. */
  readonly findings: readonly Finding[];
  /** Every element the findings point at, once, in reading order. */
  readonly elementIds: readonly string[];
  /**
   * What stepping visits, in reading order: each finding's elements together (an
   * unbound label with its box, two overlapping boxes), or, for a rule whose one finding
   * lists many elements ("13 arrows carry no number"), each element on its own.
   */
  readonly steps: readonly (readonly string[])[];
  /** The fix applied to every fixable finding of the group at once, if any. */
  readonly bulkFix?: { readonly title: string; readonly findings: readonly Finding[] };
}

/**
 * Groups findings by rule and orders the groups by priority (severity, rubric weight,
 * count). `boundsOf` gives an element's scene bounds for the reading order; elements it
 * does not know go last.
 */
export function groupFindings(findings: readonly Finding[], boundsOf: (id: string) => Bounds | undefined): RuleGroup[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const groups: RuleGroup[] = [];
  for (const [ruleId, list] of byRule) {
    const elementIds = readingOrder([...new Set(list.flatMap((f) => f.elementIds))], boundsOf);
    const position = new Map(elementIds.map((id, i) => [id, i]));
    const first = (f: Finding) => Math.min(Infinity, ...f.elementIds.map((id) => position.get(id) ?? Infinity));
    const ordered = [...list].sort((a, b) => first(a) - first(b));
    const ruleTitle = findRule(ruleId)?.title ?? ruleId;
    groups.push({
      ruleId,
      alias: list[0]!.alias,
      severity: list[0]!.severity,
      title: rowTitle(ruleId, ordered, ruleTitle),
      headline: headline(ruleId, ordered, ruleTitle),
      dimension: dimensionOf(ruleId),
      count: list.length,
      size: listsElements(ruleId) ? elementIds.length : list.length,
      findings: ordered,
      elementIds,
      steps: listsElements(ruleId)
        ? elementIds.map((id) => [id])
        : ordered.filter((f) => f.elementIds.length > 0).map((f) => f.elementIds),
      ...bulkFixOf(ordered),
    });
  }
  return groups.sort(compareByPriority);
}

function bulkFixOf(findings: readonly Finding[]): Pick<RuleGroup, "bulkFix"> {
  const fixable = findings.filter((f) => firstFix(f));
  if (fixable.length === 0) return {};
  const { fix, title } = firstFix(fixable[0]!)!;
  // The button counts what it changes: loose ends, not the arrows they belong to.
  const n = fixable.reduce((sum, f) => sum + bulkFixIndices(f).length, 0);
  return { bulkFix: { title: bulkFixTitle(fix.kind, title, n), findings: fixable } };
}

/** Counts by severity, for the header badges and the progress line. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
