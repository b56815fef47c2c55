import type { DiagramModel, TextItem } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { edgeName, enabledFor, quote } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD013",
  alias: "bind-text",
  title: "Labels are bound to their shapes",
  category: "labels",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD013.md",
};

/** Longer text inside a box is a note, not a name; binding it would reflow it. */
const MAX_LABEL_CHARS = 120;
const SHAPES = new Set(["rectangle", "ellipse", "diamond"]);

/**
 * Free text read as the label of a box or an arrow but not bound to it: it will not
 * move with the shape. Offered only where binding is unambiguous (one free text, no
 * bound text yet), and then with the fix.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const text of model.texts) {
    const hit = text.labelOf && text.text.length <= MAX_LABEL_CHARS ? hitFor(model, text) : null;
    if (hit) hits.push(hit);
  }
  return hits;
}

function hitFor(model: DiagramModel, text: TextItem): RuleHit | null {
  const target = text.labelOf!;
  // Captions name a shape from outside on purpose; grouped text moves with its shape already.
  if (target.how === "caption" || target.how === "group") return null;
  const shape = model.byId.get(target.id);
  if (shape && sharesGroup(text.element.groupIds, shape.groupIds)) return null;
  if (!enabledFor(model, meta, text.id) || !enabledFor(model, meta, target.id)) return null;
  if (target.kind === "box") {
    const box = model.boxById.get(target.id);
    if (!box || box.isZone || box.rotated || box.partOf || !SHAPES.has(box.type)) return null;
    if (box.boundTextId || box.freeLabelIds.length !== 1) return null;
    return {
      message: `Text ${quote(text.text)} names ${box.type === "ellipse" ? "an" : "a"} ${box.type} but is not bound to it: it will not move with the box`,
      elementIds: [text.id, box.id],
      suggestions: [
        {
          title: `Bind ${quote(text.text)} to the ${box.type}`,
          fix: { kind: "bind-text", textId: text.id, containerId: box.id },
        },
      ],
    };
  }
  const edge = model.edgeById.get(target.id);
  if (!edge || edge.boundTextId || edge.freeLabelIds.length !== 1) return null;
  const name = edgeName(edge).replace(/^Arrow/, "arrow");
  return {
    message: `Text ${quote(text.text)} labels the ${name} but is not bound to it: it will not move with the arrow`,
    elementIds: [text.id, edge.id],
    suggestions: [
      {
        title: `Bind ${quote(text.text)} to the arrow`,
        fix: { kind: "bind-text", textId: text.id, containerId: edge.id },
      },
    ],
  };
}

/** True when the two elements share a group: selecting one selects both, so they move together. */
function sharesGroup(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b || a.length === 0 || b.length === 0) return false;
  for (const g of a) if (b.includes(g)) return true;
  return false;
}
