import { intersectionArea } from "@archboard/scene";
import type { Box, DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor, position } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD001",
  alias: "box-label",
  title: "Every component box has a name",
  category: "labels",
  defaultSeverity: "error",
  heuristic: true,
  docs: "docs/rules/SD001.md",
};

/** Below this size (px) a shape is a bullet, dot or handle, not a component. */
const MIN_SIDE = 30;

/**
 * A component box with no label. Only boxes that take part in the flow (an arrow
 * touches them) are judged: unconnected empty shapes on real boards are wireframes,
 * table cells and decoration, and an error on each would bury the panel.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // A scan of every element: done only once some box needs it (labelled boards never do).
  let drawnGroups: Set<string> | null = null;
  const hits: RuleHit[] = [];
  for (const box of model.components) {
    if (box.label.trim() || box.hasIcon || box.isPerson || box.edges.length === 0) continue;
    const external = externalEdges(box);
    if (external.length === 0) continue;
    drawnGroups ??= groupsWithDrawings(model);
    if ((box.element.groupIds ?? []).some((g) => drawnGroups!.has(g))) continue;
    if (box.rect.width < MIN_SIDE || box.rect.height < MIN_SIDE) continue;
    if (isShadowOfNamedBox(model, box) || !enabledFor(model, meta, box.id)) continue;
    const names = external
      .map((e) => (e.startBox === box ? e.endBox : e.startBox))
      .filter((b) => b && b.label)
      .map((b) => boxName(b!));
    const context = names.length > 0 ? ` (connected to ${[...new Set(names)].slice(0, 2).join(", ")})` : "";
    hits.push({
      message: `The ${box.type} at ${position(box)}${context} has no name: double-click it and type what it is (e.g. “API server”)`,
      elementIds: [box.id],
    });
  }
  return hits;
}

/**
 * People fake depth or a "stack of servers" with offset copies of one box: an
 * unlabelled box mostly covered by another box is part of that drawing.
 */
function isShadowOfNamedBox(model: DiagramModel, box: Box): boolean {
  for (const other of model.boxesTouching(box.rect)) {
    if (other !== box && !other.isZone && intersectionArea(other.rect, box.rect) >= 0.5 * box.area) return true;
  }
  return false;
}

/**
 * Groups holding a text, line, image or freehand stroke: a shape inside one is part of
 * a drawing (a cylinder, a cloud, an icon) that is named or pictured as a whole.
 */
function groupsWithDrawings(model: DiagramModel): Set<string> {
  const groups = new Set<string>();
  for (const el of model.byId.values()) {
    if (el.type === "rectangle" || el.type === "ellipse" || el.type === "diamond" || el.type === "arrow") continue;
    for (const g of el.groupIds ?? []) groups.add(g);
  }
  return groups;
}

/** Arrows grouped with the shape, or drawn inside it, are strokes of an icon, not connections. */
function externalEdges(box: Box): Edge[] {
  const own = box.element.groupIds ?? [];
  return box.edges.filter((e) => e.startBox !== e.endBox && !(e.element.groupIds ?? []).some((g) => own.includes(g)));
}
