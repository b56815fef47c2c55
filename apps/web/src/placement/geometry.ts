/**
 * Small fixes to element geometry after the app moves or re-measures elements itself
 * (Excalidraw only does these when the user drags): bound labels re-centred in their
 * containers, and arrows redrawn straight between the boxes they are bound to.
 */
import { arrowLabelCenter, BINDING_GAP, borderPoint, center, elementRect } from "@archboard/scene";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Copies of `elements` with every bound text centred on its container (when the container is among them). */
export function centreBoundText(elements: readonly ExcalidrawElement[]): ExcalidrawElement[] {
  const byId = new Map(elements.map((e) => [e.id, e]));
  return elements.map((e) => {
    if (e.type !== "text" || !e.containerId) return e;
    const container = byId.get(e.containerId);
    if (!container) return e;
    const c = container.type === "arrow" ? arrowLabelCenter(container) : center(elementRect(container));
    return { ...e, x: c.x - e.width / 2, y: c.y - e.height / 2 };
  });
}

/**
 * The arrow redrawn as a straight segment between the boxes its bindings name (looked
 * up in `byId`); unchanged when either end is unbound or unknown.
 */
export function rerouteBetween(
  arrow: ExcalidrawElement,
  byId: ReadonlyMap<string, ExcalidrawElement>,
): ExcalidrawElement {
  if (arrow.type !== "arrow") return arrow;
  const from = arrow.startBinding ? byId.get(arrow.startBinding.elementId) : undefined;
  const to = arrow.endBinding ? byId.get(arrow.endBinding.elementId) : undefined;
  if (!from || !to) return arrow;
  const a = elementRect(from),
    b = elementRect(to);
  const start = borderPoint("rectangle", a, center(b), BINDING_GAP);
  const end = borderPoint("rectangle", b, center(a), BINDING_GAP);
  const next: Mutable<typeof arrow> = { ...arrow };
  next.x = start.x;
  next.y = start.y;
  next.points = [
    [0, 0],
    [end.x - start.x, end.y - start.y],
  ];
  next.width = Math.abs(end.x - start.x);
  next.height = Math.abs(end.y - start.y);
  return next;
}
