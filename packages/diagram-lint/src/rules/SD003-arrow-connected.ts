import type { DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, edgeName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD003",
  alias: "arrow-connected",
  title: "Arrows are attached at both ends",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: false,
  docs: "docs/rules/SD003.md",
};

/**
 * An arrow end that is not bound, or bound to an element that no longer exists. An
 * unbound end resting on a box is named, so the user knows which box to attach it to.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    // Most arrows are fine: build no list for them.
    const start = describeEnd(edge, "start"),
      end = describeEnd(edge, "end");
    if ((!start && !end) || !enabledFor(model, meta, edge.id)) continue;
    const problems = start && end ? `${start}; ${end}` : (start ?? end);
    hits.push({ message: `${edgeName(edge)}: ${problems}`, elementIds: [edge.id] });
  }
  return hits;
}

function describeEnd(edge: Edge, which: "start" | "end"): string | null {
  const broken = which === "start" ? edge.startBindingBroken : edge.endBindingBroken;
  const boundId = which === "start" ? edge.startBindingId : edge.endBindingId;
  const box = which === "start" ? edge.startBox : edge.endBox;
  if (broken) return `its ${which} is bound to an element that was deleted`;
  if (boundId) return null;
  return box
    ? `its ${which} touches ${boxName(box)} but is not bound to it`
    : `its ${which} is not attached to anything`;
}
