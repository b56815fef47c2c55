import { distanceToRectXY } from "@archboard/scene";
import type { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge } from "./types.ts";

/**
 * Separate designs on one canvas. People keep several answers side by side (a rate
 * limiter, a chat system, a URL shortener…); a board-wide judgement such as "six
 * heavyweight technologies" or "this design reads right to left" belongs to each
 * design, not to the canvas. Boxes closer than a gap, or joined by an arrow, belong to
 * one design.
 */

/** Designs are further apart than this (px, times the board's scale). */
const DESIGN_GAP = 600;

/** Sets `Box.region` and returns the number of designs. */
export function findRegions(
  boxes: readonly Box[],
  edges: readonly Edge[],
  grid: SpatialGrid<Box>,
  scale: number,
): number {
  const parent = new Int32Array(boxes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  // Arrows first: on most boards they already join every box, and then nothing is left to measure.
  for (const e of edges) if (e.startBox && e.endBox) union(e.startBox.index, e.endBox.index);
  // Zones join the design of the first box they hold; parts follow their drawing.
  for (const box of boxes) {
    if (!box.isZone) continue;
    for (const inner of grid.query(box.rect)) {
      if (inner !== box && !inner.isZone && distanceToRectXY(inner.rect.x, inner.rect.y, box.rect) === 0) {
        union(box.index, inner.index);
        break;
      }
    }
  }
  // Part sizes by root; gaps are measured only from boxes outside the largest part:
  // every join the largest part's side would find is found from the other side too.
  const size = new Int32Array(boxes.length);
  let roots = 0,
    largest = -1;
  for (const box of boxes) {
    if (box.partOf || box.isZone) continue;
    const r = find(box.index);
    if (size[r] === 0) roots++;
    if (++size[r]! > (largest < 0 ? 0 : size[largest]!)) largest = r;
  }
  const gap = DESIGN_GAP * scale;
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const box of boxes) {
    if (roots <= 1) break;
    if (box.partOf || box.isZone || find(box.index) === find(largest)) continue;
    const r = box.rect;
    probe.x = r.x - gap;
    probe.y = r.y - gap;
    probe.width = r.width + 2 * gap;
    probe.height = r.height + 2 * gap;
    for (const other of grid.query(probe)) {
      if (other === box || other.isZone || find(other.index) === find(box.index)) continue;
      const o = other.rect;
      const dx = Math.max(o.x - (r.x + r.width), r.x - (o.x + o.width), 0),
        dy = Math.max(o.y - (r.y + r.height), r.y - (o.y + o.height), 0);
      if (Math.max(dx, dy) <= gap) {
        union(box.index, other.index);
        roots--;
      }
    }
  }
  return finish(boxes, find);
}

/** Numbers the designs in box order and sets `Box.region`; returns how many there are. */
function finish(boxes: readonly Box[], find: (i: number) => number): number {
  const ids = new Int32Array(boxes.length).fill(-1);
  let count = 0;
  for (const box of boxes) {
    const root = find(box.partOf ? box.partOf.index : box.index);
    if (ids[root] === -1) ids[root] = count++;
    box.region = ids[root]!;
  }
  return count;
}
