import { distanceToRectXY, intersectionArea, num, polylineMidpointInto, type Point } from "@archboard/scene";
import type { NumberMention } from "./numbers.ts";
import { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge, TextItem } from "./types.ts";

/** How far (px) a free text may sit from an arrow's midpoint and still be its label. */
export const ARROW_LABEL_RADIUS = 40;
/** How far (px) a short free text may sit beside an arrow's shaft and still be its label. */
const SHAFT_LABEL_DISTANCE = 24;

/** What `claimBoxLabels` leaves for the arrow pass. */
export interface Unclaimed {
  /** Texts lying inside no box. */
  readonly loose: TextItem[];
  /**
   * Texts lying in a zone's open space: an arrow drawn across the zone may own them (its
   * label), else they name the zone. Decided once arrows are known.
   */
  readonly inZones: { text: TextItem; zone: Box }[];
}

/**
 * Reads free text (not bound to anything live) as the label of the box it lies mostly
 * inside (the innermost one), of the drawing it is grouped with, or of the single box
 * sharing its innermost group. Text in a zone's open space is held back for the arrow
 * pass (see `Unclaimed.inZones`).
 */
export function claimBoxLabels(
  texts: readonly TextItem[],
  boxGrid: SpatialGrid<Box>,
  boxesByGroup: ReadonlyMap<string, Box[]>,
  captionOf: ReadonlyMap<TextItem, Box>,
): Unclaimed {
  const loose: TextItem[] = [];
  const inZones: { text: TextItem; zone: Box }[] = [];
  for (const t of texts) {
    if (t.containerId) continue;
    const drawing = captionOf.size > 0 ? captionOf.get(t) : undefined;
    if (drawing) {
      t.labelOf = { kind: "box", id: drawing.id, how: "group" };
      addFreeLabel(drawing, t.id);
      continue;
    }
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
    if (!best && boxesByGroup.size > 0) {
      const group = t.element.groupIds?.[0];
      const members = group ? boxesByGroup.get(group) : undefined;
      if (members?.length === 1) {
        best = members[0]!;
        how = "group";
      }
    }
    if (best && best.isZone && how === "inside" && best.type !== "frame" && best.type !== "magicframe") {
      // Read as the zone's for now (an arrow bound to it ends on the zone); an arrow may still take it.
      t.labelOf = { kind: "box", id: best.id, how: "inside" };
      inZones.push({ text: t, zone: best });
    } else if (best) {
      const box: Box = best;
      t.labelOf = { kind: "box", id: box.id, how };
      addFreeLabel(box, t.id);
    } else {
      loose.push(t);
    }
  }
  return { loose, inZones };
}

/** Zone texts no arrow took name their zone after all; returns the zones whose label changed. */
export function returnToZones(inZones: readonly { text: TextItem; zone: Box }[]): Box[] {
  const changed: Box[] = [];
  for (const { text, zone } of inZones) {
    if (text.labelOf?.kind !== "box") continue;
    addFreeLabel(zone, text.id);
    if (zone.labelSource !== "bound" && !changed.includes(zone)) {
      zone.label = "";
      zone.labelSource = "none";
      changed.push(zone);
    }
  }
  return changed;
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
    if (box.type === "frame" || box.type === "magicframe") {
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
 * Reads the remaining free texts as arrow labels: near an arrow's midpoint, or short
 * text hugging its shaft. Each text goes to its nearest arrow. Distances grow with the
 * text's font size and the board's scale: on a board drawn in 60 px type, a label
 * 90 px from the arrow sits as close as a 20 px label 30 px away.
 */
export function claimEdgeLabels(
  unclaimed: readonly TextItem[],
  edges: readonly Edge[],
  cellSize: number,
  scale: number,
  headingFont: number,
): void {
  if (unclaimed.length === 0 || edges.length === 0) return;
  // Only arrows without a bound label take free texts: when every arrow has one, no grid is needed.
  if (edges.every((e) => e.boundTextId)) return;
  const grid = new SpatialGrid<TextItem>(cellSize, unclaimed.length);
  let maxFactor = scale;
  for (const t of unclaimed) {
    grid.insert(t, t.rect);
    maxFactor = Math.max(maxFactor, factorOf(t, scale));
  }
  const best = new Map<TextItem, Candidates>();
  // One midpoint and one probe rectangle reused for every arrow (`query` reads the probe only during the call).
  const mid = { x: 0, y: 0 };
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const edge of edges) {
    // A bound label says what the arrow carries; texts around it belong to other arrows or are notes.
    if (edge.boundTextId) continue;
    polylineMidpointInto(edge.points, mid);
    const reach = ARROW_LABEL_RADIUS * maxFactor;
    probe.x = mid.x - reach;
    probe.y = mid.y - reach;
    probe.width = 2 * reach;
    probe.height = 2 * reach;
    for (const t of grid.query(probe)) {
      if (!isShortLabel(t, headingFont)) continue;
      const f = factorOf(t, scale);
      const d = distanceToRectXY(mid.x, mid.y, t.rect) / f;
      if (d <= ARROW_LABEL_RADIUS) offer(best, t, edge, d);
    }
    for (let i = 1; i < edge.points.length; i++) {
      const a = edge.points[i - 1]!,
        b = edge.points[i]!;
      const s = SHAFT_LABEL_DISTANCE * maxFactor;
      probe.x = Math.min(a.x, b.x) - s;
      probe.y = Math.min(a.y, b.y) - s;
      probe.width = Math.abs(a.x - b.x) + 2 * s;
      probe.height = Math.abs(a.y - b.y) + 2 * s;
      for (const t of grid.query(probe)) {
        if (t.text.length > 40 || t.text.includes("\n\n") || !isShortLabel(t, headingFont)) continue;
        const d = shaftDistance(a, b, t) / factorOf(t, scale);
        // Penalised so a text at some arrow's midpoint beats one merely beside another's shaft.
        if (d <= SHAFT_LABEL_DISTANCE) offer(best, t, edge, d + ARROW_LABEL_RADIUS / 2);
      }
    }
  }
  shareTwins(best);
  for (const [t, { edge }] of best) {
    t.labelOf = { kind: "edge", id: edge.id, how: "near" };
    addFreeLabel(edge, t.id);
  }
}

/** How much a text's distances stretch: its own size over 20 px, or the board's scale, whichever is more. */
function factorOf(t: TextItem, scale: number): number {
  return Math.max(scale, Math.min(4, t.fontSize / 20));
}

/** Notes, requirement lists, footnotes and headings that happen to sit by an arrow are not its label. */
function isShortLabel(t: TextItem, headingFont: number): boolean {
  if (t.text.length > 80 || t.fontSize >= headingFont) return false;
  const first = t.text.charCodeAt(0);
  // "* can either…", "- note", "• …": a footnote or a bullet list.
  if (first === 42 || first === 8226 || (first === 45 && t.text.charCodeAt(1) === 32)) return false;
  // At most 4 lines, i.e. at most 3 line breaks (counted without splitting).
  let breaks = 0;
  for (let i = t.text.indexOf("\n"); i !== -1; i = t.text.indexOf("\n", i + 1)) if (++breaks > 3) return false;
  return true;
}

/** Keeps, per text, the nearest arrow offered so far. */
/** The nearest arrow offered to a text so far, and the runner-up (another arrow). */
interface Candidates {
  edge: Edge;
  d: number;
  second: Edge | null;
  d2: number;
}

/** Keeps, per text, the nearest arrow offered so far and the next nearest other arrow. */
function offer(best: Map<TextItem, Candidates>, t: TextItem, edge: Edge, d: number): void {
  const cur = best.get(t);
  if (!cur) best.set(t, { edge, d, second: null, d2: Infinity });
  else if (edge === cur.edge) cur.d = Math.min(cur.d, d);
  else if (d < cur.d) {
    cur.second = cur.edge;
    cur.d2 = cur.d;
    cur.edge = edge;
    cur.d = d;
  } else if (d < cur.d2) {
    cur.second = edge;
    cur.d2 = d;
  }
}

/**
 * Two labels between twin arrows ("store" and "get" drawn side by side) both land on
 * the nearer arrow: a text whose runner-up arrow has no label moves there.
 */
function shareTwins(best: Map<TextItem, Candidates>): void {
  const claims = new Map<Edge, number>();
  for (const c of best.values()) claims.set(c.edge, (claims.get(c.edge) ?? 0) + 1);
  for (const c of best.values()) {
    if (!c.second || (claims.get(c.edge) ?? 0) < 2 || claims.has(c.second) || c.second.boundTextId) continue;
    claims.set(c.edge, claims.get(c.edge)! - 1);
    claims.set(c.second, 1);
    c.edge = c.second;
    c.d = c.d2;
  }
}

/**
 * Distance from a text box to the middle 80 % of a segment; Infinity when the text sits
 * beyond the segment's ends (then it is more likely a box caption than a label). A
 * turned text (written along a slanted arrow) is measured from its centre line.
 */
function shaftDistance(a: Point, b: Point, text: TextItem): number {
  const r = text.rect;
  const cx = r.x + r.width / 2,
    cy = r.y + r.height / 2;
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Infinity;
  const t = ((cx - a.x) * dx + (cy - a.y) * dy) / len2;
  if (t < 0.1 || t > 0.9) return Infinity;
  const px = a.x + dx * t,
    py = a.y + dy * t;
  if (Math.abs(num(text.element.angle)) > 0.05) return Math.max(0, Math.hypot(px - cx, py - cy) - r.height / 2);
  return distanceToRectXY(px, py, r);
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
export function addFreeLabel(target: Box | Edge, id: string): void {
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
