import {
  bumped,
  center,
  distanceToRect,
  elementFactory,
  elementRect,
  indexAbove,
  LINE_HEIGHT,
  polylineMidpoint,
  polylineOf,
  type ElementRecord,
  type SceneElement,
} from "@archboard/scene";
import type { Finding, FixAction } from "../types.ts";

/** Bound labels the fixes create use Excalidraw's "S" size, like hand-typed arrow labels. */
const LABEL_FONT_SIZE = 16;

/** The result of a fix: only the elements that changed or were added, complete. */
export interface FixResult {
  readonly elements: ElementRecord[];
}

const CONTAINERS = new Set(["rectangle", "ellipse", "diamond", "arrow"]);

/**
 * Applies one suggestion of a finding and returns the changed and added elements, ready
 * for Excalidraw's `updateScene` (merge them into the scene with `mergeElements`).
 * Both sides of every binding are written and every touched element gets a new version.
 * Returns no elements when the suggestion no longer applies (the scene moved on since
 * the lint ran, or the finding carries no fix).
 */
export function applyFix(elements: readonly SceneElement[], finding: Finding, suggestionIndex = 0): FixResult {
  const fix = finding.suggestions?.[suggestionIndex]?.fix;
  if (!fix) return { elements: [] };
  const live = new Map<string, SceneElement>();
  for (const el of elements) if (el && !el.isDeleted) live.set(el.id, el);
  return { elements: perform(fix, live, elements) };
}

function perform(
  fix: FixAction,
  live: ReadonlyMap<string, SceneElement>,
  all: readonly SceneElement[],
): ElementRecord[] {
  switch (fix.kind) {
    case "bind-text":
      return bindText(live.get(fix.textId), live.get(fix.containerId), all);
    case "add-arrow-label":
      return addArrowLabel(live.get(fix.arrowId), fix.text, all);
    case "bind-arrow":
      return bindArrow(live.get(fix.arrowId), fix.end, live.get(fix.boxId), live);
  }
}

function hasBoundText(container: SceneElement): boolean {
  return (container.boundElements ?? []).some((b) => b.type === "text");
}

function bindText(
  text: SceneElement | undefined,
  container: SceneElement | undefined,
  all: readonly SceneElement[],
): ElementRecord[] {
  if (!text || text.type !== "text" || !container || !CONTAINERS.has(container.type)) return [];
  if (text.containerId === container.id || hasBoundText(container)) return [];
  const { width: w, height: h } = elementRect(text);
  const middle = container.type === "arrow" ? polylineMidpoint(polylineOf(container)) : center(elementRect(container));
  const textIndex = typeof text.index === "string" ? text.index : null;
  const containerIndex = typeof container.index === "string" ? container.index : null;
  // A label must render above its container, as Excalidraw's own "bind text" ensures.
  const index =
    textIndex !== null && (containerIndex === null || textIndex > containerIndex) ? textIndex : indexAbove(all);
  const content = typeof text.text === "string" ? text.text : "";
  return [
    bumped(text, {
      containerId: container.id,
      textAlign: "center",
      verticalAlign: "middle",
      autoResize: true,
      x: middle.x - w / 2,
      y: middle.y - h / 2,
      index,
      originalText: typeof text.originalText === "string" ? text.originalText : content,
      lineHeight: typeof text.lineHeight === "number" ? text.lineHeight : LINE_HEIGHT,
      ...(container.type === "arrow"
        ? {}
        : { groupIds: [...(container.groupIds ?? [])], frameId: container.frameId ?? null }),
    }),
    bumped(container, { boundElements: [...(container.boundElements ?? []), { type: "text", id: text.id }] }),
  ];
}

function addArrowLabel(arrow: SceneElement | undefined, label: string, all: readonly SceneElement[]): ElementRecord[] {
  if (!arrow || arrow.type !== "arrow" || hasBoundText(arrow)) return [];
  const stroke = arrow.strokeColor;
  const text = elementFactory().text(label, {
    containerId: arrow.id,
    center: polylineMidpoint(polylineOf(arrow)),
    fontSize: LABEL_FONT_SIZE,
    index: indexAbove(all),
    groupIds: arrow.groupIds ?? [],
    frameId: arrow.frameId ?? null,
    ...(typeof stroke === "string" ? { strokeColor: stroke } : {}),
  });
  return [text, bumped(arrow, { boundElements: [...(arrow.boundElements ?? []), { type: "text", id: text.id }] })];
}

const BINDABLE = new Set(["rectangle", "ellipse", "diamond", "frame", "image"]);

/**
 * Binds one end of an arrow to a box: the arrow's binding names the box, the box lists
 * the arrow, and the element the end was bound to before (a label text) no longer does.
 * The end stays where it is drawn; Excalidraw snaps it on the next move.
 */
function bindArrow(
  arrow: SceneElement | undefined,
  end: "start" | "end",
  box: SceneElement | undefined,
  live: ReadonlyMap<string, SceneElement>,
): ElementRecord[] {
  if (!arrow || arrow.type !== "arrow" || arrow.elbowed || !box || !BINDABLE.has(box.type)) return [];
  const key = end === "start" ? "startBinding" : "endBinding";
  const before = arrow[key]?.elementId;
  if (before === box.id) return [];
  const points = polylineOf(arrow);
  const at = end === "start" ? points[0]! : points[points.length - 1]!;
  const gap = Math.max(1, Math.round(distanceToRect(at, elementRect(box))));
  const changed: ElementRecord[] = [bumped(arrow, { [key]: { elementId: box.id, focus: 0, gap } })];
  const listed = (box.boundElements ?? []).some((b) => b.id === arrow.id);
  if (!listed)
    changed.push(bumped(box, { boundElements: [...(box.boundElements ?? []), { type: "arrow", id: arrow.id }] }));
  const otherEnd = end === "start" ? arrow.endBinding?.elementId : arrow.startBinding?.elementId;
  const previous = before ? live.get(before) : undefined;
  if (previous && previous.id !== otherEnd) {
    changed.push(bumped(previous, { boundElements: (previous.boundElements ?? []).filter((b) => b.id !== arrow.id) }));
  }
  return changed;
}

/**
 * The scene with `changed` merged in: replaced by id in place, new elements appended.
 * An element whose index was raised moves to the end so array order matches the indices.
 */
export function mergeElements<T extends SceneElement>(elements: readonly T[], changed: readonly SceneElement[]): T[] {
  const byId = new Map(changed.map((c) => [c.id, c]));
  const moved: T[] = [];
  const result: T[] = [];
  for (const el of elements) {
    const next = byId.get(el.id) as T | undefined;
    if (!next) {
      result.push(el);
      continue;
    }
    byId.delete(el.id);
    if (next.index !== el.index) moved.push(next);
    else result.push(next);
  }
  return [...result, ...moved, ...(byId.values() as Iterable<T>)];
}
