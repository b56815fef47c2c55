import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";

/** An axis-aligned rectangle in scene coordinates. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

type Geometry = Pick<ExcalidrawElement, "x" | "y" | "width" | "height"> & {
  readonly points?: readonly (readonly [number, number])[];
};

/**
 * Scene bounds of an element, unrotated. Arrows and lines span their points rather
 * than their box, because a bent arrow's `width`/`height` lag behind its points while
 * it is being drawn.
 */
export function elementBounds(e: Geometry): Bounds {
  if (e.points && e.points.length > 0) {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const [px, py] of e.points) {
      minX = Math.min(minX, e.x + px);
      maxX = Math.max(maxX, e.x + px);
      minY = Math.min(minY, e.y + py);
      maxY = Math.max(maxY, e.y + py);
    }
    return { minX, minY, maxX, maxY };
  }
  return { minX: e.x, minY: e.y, maxX: e.x + e.width, maxY: e.y + e.height };
}

/**
 * Element ids sorted the way a page is read: rows from top to bottom, each row from
 * left to right. An element joins the current row while its centre lies within the lower
 * half of the row's first element (at least 40 px, for thin ones like arrows; at most
 * 160 px, so one tall element cannot swallow the board), so boxes drawn roughly side by
 * side read as one row even when they are not aligned.
 * Ids without bounds (deleted since the check ran) go last, in their given order.
 */
export function readingOrder(ids: readonly string[], boundsOf: (id: string) => Bounds | undefined): string[] {
  const placed: Array<{ id: string; b: Bounds; cx: number; cy: number }> = [];
  const unplaced: string[] = [];
  for (const id of ids) {
    const b = boundsOf(id);
    if (b) placed.push({ id, b, cx: (b.minX + b.maxX) / 2, cy: (b.minY + b.maxY) / 2 });
    else unplaced.push(id);
  }
  placed.sort((p, q) => p.cy - q.cy || p.cx - q.cx);
  const ordered: string[] = [];
  let i = 0;
  while (i < placed.length) {
    const head = placed[i]!;
    const reach = head.cy + Math.min(Math.max((head.b.maxY - head.b.minY) / 2, 40), 160);
    let j = i + 1;
    while (j < placed.length && placed[j]!.cy <= reach) j++;
    const row = placed.slice(i, j).sort((p, q) => p.cx - q.cx || p.cy - q.cy);
    for (const p of row) ordered.push(p.id);
    i = j;
  }
  return [...ordered, ...unplaced];
}
