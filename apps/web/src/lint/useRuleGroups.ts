import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding } from "@archboard/diagram-lint";
import { elementBounds, type Bounds } from "./elementBounds.ts";
import { useLint } from "./lintStore.ts";
import { groupFindings, type RuleGroup } from "./ruleGroups.ts";

// One grouping per lint result, shared by the panel and the canvas overlay: both read
// the same findings array, and the element positions are those of the scene it came from.
const cache = new WeakMap<readonly Finding[], RuleGroup[]>();

/** Groups of a lint result, ordered by what to fix first, elements in reading order. */
export function ruleGroupsOf(api: ExcalidrawImperativeAPI, findings: readonly Finding[]): RuleGroup[] {
  let groups = cache.get(findings);
  if (!groups) {
    const bounds = new Map<string, Bounds>();
    const wanted = new Set(findings.flatMap((f) => f.elementIds));
    for (const e of api.getSceneElements()) if (wanted.has(e.id)) bounds.set(e.id, elementBounds(e));
    groups = groupFindings(findings, (id) => bounds.get(id));
    cache.set(findings, groups);
  }
  return groups;
}

/** The open board's findings grouped by rule. */
export function useRuleGroups(api: ExcalidrawImperativeAPI): RuleGroup[] {
  const findings = useLint((s) => s.findings);
  return ruleGroupsOf(api, findings);
}
