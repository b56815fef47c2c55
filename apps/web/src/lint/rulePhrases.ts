/**
 * The panel's plain words for a group of findings of one rule: "42 arrows have no
 * label" rather than forty-two copies of the same sentence, and the bulk fix's title.
 */
import type { Finding, FixAction } from "@archboard/diagram-lint";

/**
 * Rules that may report one finding listing many elements, each a subject of its own
 * (the arrows without numbers, the boxes naming heavyweight technologies, a design drawn
 * mirrored reported once for all its leftward arrows): counted and stepped through by
 * element rather than by finding.
 */
const LISTS_ELEMENTS = new Set(["SD006", "SD008", "SD016"]);

/** Whether a rule's single finding stands for many elements, each worth visiting. */
export function listsElements(ruleId: string): boolean {
  return LISTS_ELEMENTS.has(ruleId);
}

/**
 * How to say "n things" for each rule: most count findings (one per element or pair),
 * the rules above count elements. Scene-wide rules have one fixed phrase.
 */
const COUNTED: Readonly<Record<string, { one: string; many: string }>> = {
  SD001: { one: "box has no label", many: "boxes have no label" },
  SD002: { one: "arrow has no label", many: "arrows have no label" },
  SD003: { one: "arrow has a loose end", many: "arrows have a loose end" },
  SD004: { one: "client is not on the left", many: "clients are not on the left" },
  SD006: { one: "arrow points right to left", many: "arrows point right to left" },
  SD008: { one: "arrow carries no number", many: "arrows carry no number" },
  SD009: { one: "arrow mixes reads and writes", many: "arrows mix reads and writes" },
  SD010: { one: "database has no replica", many: "databases have no replica" },
  SD011: { one: "cache has no store behind it", many: "caches have no store behind them" },
  SD012: { one: "client talks to storage directly", many: "clients talk to storage directly" },
  SD013: { one: "label is not bound to its shape", many: "labels are not bound to their shapes" },
  SD014: { one: "pair of boxes overlap", many: "pairs of boxes overlap" },
  SD015: { one: "box has no arrows", many: "boxes have no arrows" },
  SD017: { one: "queue has no consumer", many: "queues have no consumer" },
  SD019: { one: "arrow's rate disagrees with the estimate", many: "arrows' rates disagree with the estimate" },
  SD020: { one: "component sends more than it receives", many: "components send more than they receive" },
  SD021: { one: "store has no storage figure", many: "stores have no storage figure" },
};

const SCENE_WIDE: Readonly<Record<string, string>> = {
  SD005: "No client or user on the board",
  SD007: "No numbers anywhere on the board",
  SD016: "Many heavyweight technologies at once",
  SD018: "Nothing shows metrics, logs or alerts",
};

/**
 * A group's row in the list: its count in plain words ("42 arrows have no label", "1 box
 * has no label"), or the scene-wide statement. Rules the panel has no words for use the
 * finding's own sentence when alone, else "<rule title> (n)".
 */
export function rowTitle(ruleId: string, findings: readonly Finding[], ruleTitle: string): string {
  const phrase = COUNTED[ruleId];
  if (phrase) {
    const n = listsElements(ruleId) ? new Set(findings.flatMap((f) => f.elementIds)).size : findings.length;
    return `${n} ${n === 1 ? phrase.one : phrase.many}`;
  }
  const scene = SCENE_WIDE[ruleId];
  if (scene) return scene;
  return findings.length === 1 ? findings[0]!.message : `${ruleTitle} (${findings.length})`;
}

/**
 * A group's line in "what to fix first": a single finding's own sentence (it names the
 * element and says what to do), otherwise the counted row title.
 */
export function headline(ruleId: string, findings: readonly Finding[], ruleTitle: string): string {
  return findings.length === 1 ? findings[0]!.message : rowTitle(ruleId, findings, ruleTitle);
}

/** The fix of a finding's first suggestion that carries one. */
export function firstFix(finding: Finding): { index: number; title: string; fix: FixAction } | undefined {
  const list = finding.suggestions ?? [];
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.fix) return { index: i, title: s.title, fix: s.fix };
  }
  return undefined;
}

/**
 * The suggestions a bulk fix applies for one finding. Most findings offer alternatives,
 * so only the first fix; an arrow with both ends loose offers one fix per end, and both
 * are wanted: attaching "the loose ends" leaves none.
 */
export function bulkFixIndices(finding: Finding): number[] {
  const first = firstFix(finding);
  if (!first) return [];
  if (first.fix.kind !== "bind-arrow") return [first.index];
  const list = finding.suggestions ?? [];
  return list.flatMap((s, i) => (s.fix?.kind === "bind-arrow" ? [i] : []));
}

/** The title of a button applying the same fix to `n` findings at once. */
export function bulkFixTitle(kind: FixAction["kind"], single: string, n: number): string {
  if (n === 1) return single;
  switch (kind) {
    case "add-arrow-label":
      return `Add placeholder labels to ${n} arrows`;
    case "bind-text":
      return `Bind ${n} labels to their shapes`;
    case "bind-arrow":
      return `Attach ${n} loose arrow ends`;
    default:
      return `${single} (${n}×)`;
  }
}
