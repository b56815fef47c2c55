import type { DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { edgeName, enabledFor } from "./naming.ts";
import { RESPONSE_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD006",
  alias: "flow-left-to-right",
  title: "Requests flow left to right",
  category: "layout",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD006.md",
};

/** Below this horizontal run (px) an arrow is not "pointing left", just sloppy. */
const MIN_RUN = 40;

/**
 * A request edge pointing right-to-left: Δx < −max(40, |Δy|). Exempt: two-headed or
 * headless arrows, reply labels, and arrows going back down the tiers (a database
 * answering a service is a reply whatever its label says).
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    if (!isLeftward(edge) || !enabledFor(model, meta, edge.id)) continue;
    hits.push({
      message: `${edgeName(edge)} points right-to-left: lay requests out left to right (or label it as a response)`,
      elementIds: [edge.id],
    });
  }
  return hits;
}

function isLeftward(edge: Edge): boolean {
  if (edge.heads !== "forward" && edge.heads !== "reverse") return false;
  if (!edge.from || !edge.to || edge.from === edge.to) return false;
  const from = edge.from.tier,
    to = edge.to.tier;
  if (from !== null && to !== null && to < from) return false;
  // Geometry before the label regex: most arrows do not point left at all.
  const a = edge.heads === "forward" ? edge.start : edge.end;
  const b = edge.heads === "forward" ? edge.end : edge.start;
  const dx = b.x - a.x,
    dy = b.y - a.y;
  return dx < -Math.max(MIN_RUN, Math.abs(dy)) && !RESPONSE_RE.test(edge.label);
}
