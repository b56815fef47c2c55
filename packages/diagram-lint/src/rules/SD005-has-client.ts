import { kindFromLabel } from "../model/kinds.ts";
import type { DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";

export const meta: RuleMeta = {
  id: "SD005",
  alias: "has-client",
  title: "The diagram shows who calls the system",
  category: "structure",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD005.md",
};

/** A label that mentions the client side even when its head noun is something else ("Browser Search", "Web UI"). */
const CLIENT_WORD_RE =
  /\b(?:browsers?|web\s*ui|ui|web\s*app|webapp|mobile\s*app|frontend|front[\s-]end|ios|android|clients?)\b/i;

/**
 * No client or user anywhere, on a board that draws requests between its parts. A short free caption such as "User" under a stick figure
 * or an image counts: people draw users as icons more often than as boxes.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // Counted, not collected: only "at least two" matters.
  let classified = 0;
  for (const b of model.components) if (b.kind !== null && ++classified >= 2) break;
  if (classified < 2) return [];
  // "Who sends the requests" presumes requests: a board where no arrow joins two shapes
  // (notes, an inventory of parts) draws no flow, so it has no caller to miss.
  if (!model.edges.some(joinsTwoShapes)) return [];
  if (model.boxes.some((b) => b.kind === "client" || b.isPerson || CLIENT_WORD_RE.test(b.label))) return [];
  const captioned = model.texts.some(
    (t) => !t.labelOf && !t.containerId && t.text.length <= 30 && kindFromLabel(t.text) === "client",
  );
  if (captioned) return [];
  return [{ message: "No client or user in the diagram: start with who sends the requests", elementIds: [] }];
}

function joinsTwoShapes(edge: Edge): boolean {
  return edge.kind === "connection" && !!edge.startBox && !!edge.endBox && edge.startBox !== edge.endBox;
}
