import type { DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta, Suggestion } from "../types.ts";
import { boxName, edgeName, enabledFor, quote } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD003",
  alias: "arrow-connected",
  title: "Arrows are attached at both ends",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: false,
  docs: "docs/rules/SD003.md",
};

type End = "start" | "end";

/**
 * An arrow end that will not follow a box when the box moves: not bound, bound to an
 * element that no longer exists, or bound to a free text lying on the box instead of
 * the box. Messages say which box the end rests on or how far it stops short of one.
 * Arrows that are not connections (sequence-diagram messages between lifelines,
 * pointers from notes) are left alone: their ends rest on lines and texts by design.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    if (edge.kind !== "connection") continue;
    // Most arrows are fine: build no list for them.
    const start = describeEnd(model, edge, "start"),
      end = describeEnd(model, edge, "end");
    if ((!start && !end) || !enabledFor(model, meta, edge.id)) continue;
    const problems = start && end ? `${start}; ${end}` : (start ?? end);
    const suggestions: Suggestion[] = [];
    for (const which of ["start", "end"] as const) {
      const fix = rebind(edge, which);
      if (fix) suggestions.push(fix);
    }
    hits.push({
      message: `${edgeName(edge)}: ${problems}`,
      elementIds: [edge.id],
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  }
  return hits;
}

function describeEnd(model: DiagramModel, edge: Edge, which: End): string | null {
  const broken = which === "start" ? edge.startBindingBroken : edge.endBindingBroken;
  const boundId = which === "start" ? edge.startBindingId : edge.endBindingId;
  const box = which === "start" ? edge.startBox : edge.endBox;
  const inferred = which === "start" ? edge.startInferred : edge.endInferred;
  const via = which === "start" ? edge.startViaText : edge.endViaText;
  const near = which === "start" ? edge.startNear : edge.endNear;
  if (broken) return `its ${which} is bound to an element that was deleted: drag it onto the box it should reach`;
  if (via && box) {
    const text = model.textById.get(via)?.text ?? "";
    const what =
      text.trim() === box.label.trim()
        ? `the label text of ${boxName(box)}, not to the box`
        : `the text ${quote(text)} on ${boxName(box)}, not to the box`;
    return `its ${which} is bound to ${what}: it will stay behind when the box moves; attach it to the box`;
  }
  if (boundId && !inferred) return null;
  if (boundId && box) {
    const target = model.byId.get(boundId);
    const what =
      target?.type === "text"
        ? `the text ${quote(model.textById.get(boundId)?.text ?? "")}`
        : `a ${target?.type ?? "shape"}`;
    return `its ${which} is bound to ${what}, not to ${boxName(box)} it rests on: attach it to the box`;
  }
  if (box) return `its ${which} touches ${boxName(box)} but is not attached: drag the end onto the box so it follows`;
  if (near)
    return `its ${which} stops ${Math.max(1, Math.round(near.gap))} px short of ${boxName(near.box)}: attach it to the box`;
  return `its ${which} is attached to nothing: connect it to the box it belongs to, or delete the arrow`;
}

/**
 * The safe fix for an end that rests on a box (touching it, or bound to its label):
 * bind it to the box. Elbow arrows keep fixed points Excalidraw computes itself, so
 * they get no fix.
 */
function rebind(edge: Edge, which: End): Suggestion | null {
  if (edge.element.elbowed === true) return null;
  const box = which === "start" ? edge.startBox : edge.endBox;
  const inferred = which === "start" ? edge.startInferred : edge.endInferred;
  const via = which === "start" ? edge.startViaText : edge.endViaText;
  if (!box || (!inferred && !via)) return null;
  return {
    title: `Attach the arrow's ${which} to ${boxName(box)}`,
    fix: { kind: "bind-arrow", arrowId: edge.id, end: which, boxId: box.id },
  };
}
