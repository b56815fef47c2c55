import { distanceToRectXY, intersectionArea, polylineMidpointInto, type Point, type Rect } from "@archboard/scene";
import type { NumberMention } from "./numbers.ts";
import { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge, TextItem } from "./types.ts";

/** How far (px) a free text may sit from an arrow's midpoint and still be its label. */
export const ARROW_LABEL_RADIUS = 40;
/** How far (px) a short free text may sit beside an arrow's shaft and still be its label. */
const SHAFT_LABEL_DISTANCE = 24;

/**
 * Reads free text (not bound to anything live) as the label of the box it lies mostly
 * inside (the innermost one), or of the single box sharing its innermost group.
 * Returns the texts still unclaimed, for the arrow pass.
 */
export function claimBoxLabels(
  texts: readonly TextItem[],
  boxGrid: SpatialGrid<Box>,
  boxesByGroup: ReadonlyMap<string, Box[]>,
): TextItem[] {
  const unclaimed: TextItem[] = [];
  for (const t of texts) {
    if (t.containerId) continue;
    const area = t.rect.width * t.rect.height;
    const cx = t.rect.x + t.rect.width / 2,
      cy = t.rect.y + t.rect.height / 2;
    let best: Box | null = null;
    for (const box of boxGrid.query(t.rect)) {
      // Centre inside, or most of the text inside: hand-placed text often spills over.
      const inside =
        distanceToRectXY(cx, cy, box.rect) === 0 || (area > 0 && intersectionArea(box.rect, t.rect) >= 0.6 * area);
      if (inside && (!best || box.area < best.area)) best = box;
    }
    let how: "inside" | "group" = "inside";
    if (!best) {
      const group = t.element.groupIds?.[0];
      const members = group ? boxesByGroup.get(group) : undefined;
      if (members?.length === 1) {
        best = members[0]!;
        how = "group";
      }
    }
    if (best) {
      const box: Box = best;
      t.labelOf = { kind: "box", id: box.id, how };
      addFreeLabel(box, t.id);
    } else {
      unclaimed.push(t);
    }
  }
  return unclaimed;
}

/** Fills each box's `label` from its bound text, else its free texts top to bottom. */
export function settleBoxLabels(boxes: readonly Box[], textById: ReadonlyMap<string, TextItem>): void {
  for (const box of boxes) {
    const bound = box.boundTextId ? (textById.get(box.boundTextId)?.text ?? "") : "";
    if (bound) {
      box.label = bound;
      box.labelSource = "bound";
      continue;
    }
    if (box.element.type === "frame" || box.element.type === "magicframe") {
      box.label = typeof box.element.name === "string" ? box.element.name : "";
      box.labelSource = box.label ? "bound" : "none";
    }
    // Most boxes have a bound label or none at all: only build the list when needed.
    if (box.freeLabelIds.length === 0 || box.label) continue;
    const free = liveTexts(box.freeLabelIds, textById);
    if (free.length > 0) {
      free.sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
      box.label = free.map((t) => t.text).join("\n");
      box.labelSource = "free";
    }
  }
}

/**
 * Reads the remaining free texts as arrow labels: within ~40 px of an arrow's midpoint,
 * or short text hugging its shaft. Each text goes to its nearest arrow.
 */
export function claimEdgeLabels(unclaimed: readonly TextItem[], edges: readonly Edge[], cellSize: number): void {
  if (unclaimed.length === 0 || edges.length === 0) return;
  const grid = new SpatialGrid<TextItem>(cellSize);
  for (const t of unclaimed) grid.insert(t, t.rect);
  const best = new Map<TextItem, { edge: Edge; d: number }>();
  // One midpoint and one probe rectangle reused for every arrow (`query` reads the probe only during the call).
  const mid = { x: 0, y: 0 };
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const edge of edges) {
    polylineMidpointInto(edge.points, mid);
    const r = ARROW_LABEL_RADIUS;
    probe.x = mid.x - r;
    probe.y = mid.y - r;
    probe.width = 2 * r;
    probe.height = 2 * r;
    for (const t of grid.query(probe)) {
      if (!isShortLabel(t)) continue;
      const d = distanceToRectXY(mid.x, mid.y, t.rect);
      if (d <= r) offer(best, t, edge, d);
    }
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1]!,
        b = edge.points[i]!;
      const s = SHAFT_LABEL_DISTANCE;
      probe.x = Math.min(a.x, b.x) - s;
      probe.y = Math.min(a.y, b.y) - s;
      probe.width = Math.abs(a.x - b.x) + 2 * s;
      probe.height = Math.abs(a.y - b.y) + 2 * s;
      for (const t of grid.query(probe)) {
        if (t.text.length > 40 || t.text.includes("\n\n")) continue;
        const d = shaftDistance(a, b, t.rect);
        // Penalised so a text at some arrow's midpoint beats one merely beside another's shaft.
        if (d <= s) offer(best, t, edge, d + ARROW_LABEL_RADIUS / 2);
      }
    }
  }
  for (const [t, { edge }] of best) {
    t.labelOf = { kind: "edge", id: edge.id, how: "near" };
    addFreeLabel(edge, t.id);
  }
}

/** Notes and requirement lists that happen to sit by an arrow are not its label. */
function isShortLabel(t: TextItem): boolean {
  if (t.text.length > 80) return false;
  // At most 4 lines, i.e. at most 3 line breaks (counted without splitting).
  let breaks = 0;
  for (let i = t.text.indexOf("\n"); i !== -1; i = t.text.indexOf("\n", i + 1)) if (++breaks > 3) return false;
  return true;
}

/** Keeps, per text, the nearest arrow offered so far. */
function offer(best: Map<TextItem, { edge: Edge; d: number }>, t: TextItem, edge: Edge, d: number): void {
  const cur = best.get(t);
  if (!cur) best.set(t, { edge, d });
  else if (d < cur.d) {
    cur.edge = edge;
    cur.d = d;
  }
}

/**
 * Distance from a text box to the middle 80 % of a segment; Infinity when the text sits
 * beyond the segment's ends (then it is more likely a box caption than a label).
 */
function shaftDistance(a: Point, b: Point, r: Rect): number {
  const cx = r.x + r.width / 2,
    cy = r.y + r.height / 2;
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Infinity;
  const t = ((cx - a.x) * dx + (cy - a.y) * dy) / len2;
  if (t < 0.1 || t > 0.9) return Infinity;
  return distanceToRectXY(a.x + dx * t, a.y + dy * t, r);
}

/** Fills each edge's label from its bound text, then any free texts beside it. */
export function settleEdgeLabels(edges: readonly Edge[], textById: ReadonlyMap<string, TextItem>): void {
  for (const edge of edges) {
    const bound = edge.boundTextId ? textById.get(edge.boundTextId) : undefined;
    // Common case (bound label, no free text) without the intermediate arrays.
    if (edge.freeLabelIds.length === 0) {
      edge.label = bound ? bound.text : "";
      edge.labelSource = bound ? "bound" : "none";
      if (bound && bound.numbers.length > 0) edge.numbers = bound.numbers.slice();
      continue;
    }
    const free = liveTexts(edge.freeLabelIds, textById);
    const parts = bound ? [bound, ...free] : free;
    edge.label = parts.map((t) => t.text).join("\n");
    edge.labelSource = bound ? "bound" : free.length > 0 ? "free" : "none";
    // A fresh list: edges start with a shared empty one.
    const numbers: NumberMention[] = [];
    for (const p of parts) for (const n of p.numbers) numbers.push(n);
    edge.numbers = numbers;
  }
}

/**
 * Most labels are one text: a one-element literal instead of a push reserving 17 slots.
 * Replaces the shared empty list a box or edge starts with.
 */
function addFreeLabel(target: Box | Edge, id: string): void {
  if (target.freeLabelIds.length === 0) target.freeLabelIds = [id];
  else target.freeLabelIds.push(id);
}

/** The live text items among `ids`, in order. */
function liveTexts(ids: readonly string[], textById: ReadonlyMap<string, TextItem>): TextItem[] {
  const out: TextItem[] = [];
  for (const id of ids) {
    const t = textById.get(id);
    if (t) out.push(t);
  }
  return out;
}

/** A caption sits this close (px) above or below its shape. */
const CAPTION_GAP = 16;

/**
 * Last pass for text still unclaimed: a caption right above or below a box that has no
 * other label (people label cylinders and icons this way). Never offered for binding.
 */
export function claimCaptions(texts: readonly TextItem[], boxGrid: SpatialGrid<Box>): void {
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const t of texts) {
    if (t.containerId || t.labelOf) continue;
    const r = t.rect;
    probe.x = r.x;
    probe.y = r.y - CAPTION_GAP;
    probe.width = r.width;
    probe.height = r.height + 2 * CAPTION_GAP;
    let best: Box | null = null;
    for (const box of boxGrid.query(probe)) {
      if (box.isZone || box.label || box.boundTextId || box.freeLabelIds.length > 0) continue;
      const b = box.rect;
      const overlap = Math.min(r.x + r.width, b.x + b.width) - Math.max(r.x, b.x);
      if (overlap < 0.5 * Math.min(r.width, b.width)) continue;
      const above = b.y - (r.y + r.height),
        below = r.y - (b.y + b.height);
      const gap = Math.max(above, below);
      if (gap < -4 || gap > CAPTION_GAP) continue;
      if (!best || box.area < best.area) best = box;
    }
    if (best) {
      const box: Box = best;
      t.labelOf = { kind: "box", id: box.id, how: "caption" };
      addFreeLabel(box, t.id);
      box.label = t.text;
      box.labelSource = "free";
    }
  }
}
