/**
 * Small fixes to element geometry after the app moves or re-measures elements itself
 * (Excalidraw only does these when the user drags): bound labels re-centred in their
 * containers, and arrows redrawn straight between the boxes they are bound to.
 */
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { centreOf, elementRect, type Point, type Rect } from "./placement.ts";

/** Gap Excalidraw keeps between a bound arrow's end and the shape. */
const BINDING_GAP = 6;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a label sits on an arrow: its middle point, or the middle of its middle segment. */
function arrowMidpoint(arrow: ExcalidrawElement): Point {
  const points = "points" in arrow ? arrow.points : [];
  if (points.length === 0) return { x: arrow.x, y: arrow.y };
  const n = points.length;
  const a = points[Math.floor((n - 1) / 2)]!, b = points[Math.ceil((n - 1) / 2)]!;
  return { x: arrow.x + (a[0] + b[0]) / 2, y: arrow.y + (a[1] + b[1]) / 2 };
}

/** Copies of `elements` with every bound text centred on its container (when the container is among them). */
export function centreBoundText(elements: readonly ExcalidrawElement[]): ExcalidrawElement[] {
  const byId = new Map(elements.map((e) => [e.id, e]));
  return elements.map((e) => {
    if (e.type !== "text" || !e.containerId) return e;
    const container = byId.get(e.containerId);
    if (!container) return e;
    const c = container.type === "arrow" ? arrowMidpoint(container) : centreOf(elementRect(container));
    return { ...e, x: c.x - e.width / 2, y: c.y - e.height / 2 };
  });
}

/** Where the segment from the centre of `r` towards `to` leaves `r`, `gap` further out. */
function exitPoint(r: Rect, to: Point, gap: number): Point {
  const c = centreOf(r);
  const dx = to.x - c.x, dy = to.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : (r.width / 2) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (r.height / 2) / Math.abs(dy);
  const s = Math.min(sx, sy);
  const len = Math.hypot(dx, dy);
  return { x: c.x + dx * s + (dx / len) * gap, y: c.y + dy * s + (dy / len) * gap };
}

/**
 * The arrow redrawn as a straight segment between the boxes its bindings name (looked
 * up in `byId`); unchanged when either end is unbound or unknown.
 */
export function rerouteBetween(arrow: ExcalidrawElement, byId: ReadonlyMap<string, ExcalidrawElement>): ExcalidrawElement {
  if (arrow.type !== "arrow") return arrow;
  const from = arrow.startBinding ? byId.get(arrow.startBinding.elementId) : undefined;
  const to = arrow.endBinding ? byId.get(arrow.endBinding.elementId) : undefined;
  if (!from || !to) return arrow;
  const a = elementRect(from), b = elementRect(to);
  const start = exitPoint(a, centreOf(b), BINDING_GAP);
  const end = exitPoint(b, centreOf(a), BINDING_GAP);
  const next: Mutable<typeof arrow> = { ...arrow };
  next.x = start.x;
  next.y = start.y;
  next.points = [[0, 0], [end.x - start.x, end.y - start.y]] as unknown as typeof arrow.points;
  next.width = Math.abs(end.x - start.x);
  next.height = Math.abs(end.y - start.y);
  return next;
}
