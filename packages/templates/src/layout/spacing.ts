/**
 * Room for arrow labels. Excalidraw draws a bound label centred on its arrow and cuts
 * the line around the label's rectangle, so a label reads cleanly only when the arrow
 * is longer than the label (plus the arrowhead at the far end and as much at the near
 * end, for balance) and nothing else is drawn where the label sits. The layouts start
 * from tight spacing and widen only the gaps a label needs; Excalidraw wraps a label
 * wider than 70 % of its arrow, so a long label goes to two lines before the spacing
 * grows for it.
 */
import { distance, intersects, type Point, type Rect } from "@archboard/scene";
import type { PlacedArrow, PlacedBox } from "./types.ts";

/** Excalidraw's "arrow" arrowhead: 25 px sides at 20° to the shaft. */
const ARROWHEAD_SIDE = 25;
const ARROWHEAD_ANGLE = (20 * Math.PI) / 180;
/**
 * Along the shaft, a label keeps this far from either end: the arrowhead's length and
 * enough visible line between label and head that the arrow still reads as an arrow.
 */
export const ARROW_END_CLEARANCE = Math.ceil(ARROWHEAD_SIDE * Math.cos(ARROWHEAD_ANGLE)) + 18;
/** A label wraps to at most this many lines; past that its arrow gets longer instead. */
export const MAX_ARROW_LABEL_LINES = 2;
/**
 * Labels, boxes and arrowheads keep this much clear space between them: a hand-drawn
 * outline strays a few pixels outside its rectangle, and less than this reads as touching.
 */
const MARGIN = 10;

/** How far a label's rectangle reaches along the arrow from `from` to `to`. */
export function extentAlong(size: { width: number; height: number }, from: Point, to: Point): number {
  const length = distance(from, to) || 1;
  const ux = Math.abs(to.x - from.x) / length,
    uy = Math.abs(to.y - from.y) / length;
  return size.width * ux + size.height * uy;
}

/** The label sits between the arrow's ends, clear of both arrowheads, in at most two lines. */
export function labelFitsArrow(arrow: PlacedArrow): boolean {
  const from = arrow.points[0]!,
    to = arrow.points[arrow.points.length - 1]!;
  const lines = arrow.label.block.text.split("\n").length;
  return (
    lines <= MAX_ARROW_LABEL_LINES &&
    extentAlong(arrow.label.block, from, to) + 2 * ARROW_END_CLEARANCE <= distance(from, to)
  );
}

/** The rectangle an arrow's head covers, at its last point. */
export function arrowheadRect(arrow: PlacedArrow): Rect {
  const tip = arrow.points[arrow.points.length - 1]!,
    before = arrow.points[arrow.points.length - 2]!;
  const back = Math.atan2(before.y - tip.y, before.x - tip.x);
  const barbs = [back - ARROWHEAD_ANGLE, back + ARROWHEAD_ANGLE].map((a) => ({
    x: tip.x + ARROWHEAD_SIDE * Math.cos(a),
    y: tip.y + ARROWHEAD_SIDE * Math.sin(a),
  }));
  const xs = [tip.x, ...barbs.map((p) => p.x)],
    ys = [tip.y, ...barbs.map((p) => p.y)];
  const x = Math.min(...xs),
    y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/**
 * The arrows whose labels do not read cleanly: too long for the arrow, or over a box,
 * another label (zone titles included) or another arrow's head.
 */
export function crampedArrows(
  arrows: readonly PlacedArrow[],
  boxes: readonly PlacedBox[],
  otherLabels: readonly Rect[] = [],
): Set<PlacedArrow> {
  const heads = new Map(arrows.map((a) => [a, arrowheadRect(a)]));
  const cramped = new Set<PlacedArrow>();
  for (const a of arrows) {
    const label = a.label.rect;
    const hit =
      !labelFitsArrow(a) ||
      boxes.some((b) => intersects(label, b.rect, MARGIN)) ||
      otherLabels.some((r) => intersects(label, r, MARGIN)) ||
      arrows.some(
        (o) => o !== a && (intersects(label, o.label.rect, MARGIN) || intersects(label, heads.get(o)!, MARGIN)),
      );
    if (hit) cramped.add(a);
  }
  return cramped;
}

/** Positions along one axis: `count` cells of `size`, separated by `gaps`. */
export function cellStarts(count: number, size: number, gaps: readonly number[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    starts.push(at);
    at += size + (gaps[i] ?? 0);
  }
  return starts;
}

/**
 * Widens gaps until `cramped` reports nothing: each round, every gap a cramped arrow
 * spans grows by `step`. `layoutWith` lays the diagram out for given gaps and says which
 * gaps each cramped arrow spans. When `maxRounds` pass without a clear layout, the one
 * with the fewest cramped arrows is kept (the most compact of those, as it came first).
 */
export function widenUntilClear<T>(
  initial: { readonly columns: readonly number[]; readonly rows: readonly number[] },
  layoutWith: (columns: readonly number[], rows: readonly number[]) => { result: T; spans: GapSpan[] },
  step = 8,
  maxRounds = 120,
): T {
  const columns = [...initial.columns],
    rows = [...initial.rows];
  let best: { result: T; cramped: number } | null = null;
  for (let round = 0; ; round++) {
    const { result, spans } = layoutWith(columns, rows);
    if (spans.length === 0) return result;
    if (!best || spans.length < best.cramped) best = { result, cramped: spans.length };
    if (round === maxRounds) return best.result;
    const grow = { columns: new Set<number>(), rows: new Set<number>() };
    for (const s of spans) for (const i of s.gaps) grow[s.axis].add(i);
    for (const i of grow.columns) columns[i]! += step;
    for (const i of grow.rows) rows[i]! += step;
  }
}

/** Gaps a cramped arrow crosses on one axis. */
export interface GapSpan {
  readonly axis: "columns" | "rows";
  readonly gaps: readonly number[];
}

/** The gaps between cells `a` and `b` (indices of the gaps after each cell). */
export function gapsBetween(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = Math.min(a, b); i < Math.max(a, b); i++) out.push(i);
  return out;
}
