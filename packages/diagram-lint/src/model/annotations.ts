import { distanceToRectXY, polylineOf, elementRect, type Point, type Rect, type SceneElement } from "@archboard/scene";
import { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge, TextItem } from "./types.ts";

/**
 * Arrows that are not connections between components. Boards mix architecture with
 * notes and other kinds of drawing: pointers from a note to what it explains, brackets
 * beside a list, arrows between two texts, sequence diagrams. Reporting their loose ends
 * as unattached arrows would be noise, and reading a reply message in a sequence
 * diagram as a request pointing the wrong way would be wrong.
 */

/** Shorter than this (px) and an arrow is a stray click, not a drawing. */
const MIN_ARROW_LENGTH = 8;
/** An arrow end this close (px, times the board's scale) to a text rests on it. */
const TEXT_REACH = 30;
/** A lifeline is at least this long (px, times the board's scale). */
const MIN_LIFELINE = 200;
/**
 * A message end this close (px, times the scale) to a lifeline rests on it: messages end
 * on the activation bars drawn over lifelines, often a little short of them.
 */
const LIFELINE_REACH = 60;

/** Strays: zero-length or invisible arrows (left behind by a slip of the mouse). */
export function isJunk(edge: Edge): boolean {
  return edge.invisible || edge.length < MIN_ARROW_LENGTH;
}

/** A vertical line of a sequence diagram: under a participant, long, nearly straight down. */
export interface Lifeline {
  readonly x: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Marks annotation arrows and sequence-diagram messages among `edges`, and returns the
 * lifelines found and the ids of lifeline arrows (which are not edges at all).
 * `notesOf` gives the free texts that label no component (asked only if an arrow has a
 * loose end); `lines` are the plain lines of the scene.
 */
export function classifyEdges(
  edges: readonly Edge[],
  notesOf: () => readonly TextItem[],
  lines: readonly SceneElement[],
  scale: number,
  cellSize: number,
): { lifelineIds: Set<string>; lifelines: Lifeline[] } {
  const candidates: { line: Lifeline; edgeId: string | null }[] = [];
  for (const e of edges) {
    if (e.startBox && e.endBox) continue;
    const dashed = e.element.strokeStyle === "dashed" || e.element.strokeStyle === "dotted";
    const l = dashed || e.heads === "none" ? lifelineOf(e.points, scale) : null;
    if (l) candidates.push({ line: l, edgeId: e.id });
  }
  for (const line of lines) {
    const l = lifelineOf(polylineOf(line), scale);
    if (l) candidates.push({ line: l, edgeId: null });
  }
  // A sequence diagram has at least two lifelines side by side.
  const lifelineIds = new Set<string>();
  const lifelines: Lifeline[] = [];
  for (const c of candidates) {
    if (!candidates.some((o) => o !== c && besideEachOther(c.line, o.line))) continue;
    lifelines.push(c.line);
    if (c.edgeId) lifelineIds.add(c.edgeId);
  }
  // Built on first need: most arrows have both ends on boxes and never look for a note.
  let noteGrid: SpatialGrid<TextItem> | null = null;
  let shapes: SpatialGrid<SceneElement> | null = null;
  for (const e of edges) {
    // Most boards have no sequence diagram: then no id is looked up (each lookup reads the id string).
    if (lifelineIds.size > 0 && lifelineIds.has(e.id)) continue;
    const from = lifelines.length >= 2 ? lifelineAt(e.start, lifelines, scale) : null;
    const to = from ? lifelineAt(e.end, lifelines, scale) : null;
    // Across from one lifeline to another, or a loop back onto the same one (a self-call).
    if (from && to && (from === to || isLevel(e))) {
      (e as { kind: Edge["kind"] }).kind = "message";
    } else if (e.startBox && e.endBox) {
      continue;
    } else if (isAnnotation(e, (noteGrid ??= gridOf(notesOf(), cellSize, (t) => t.rect)), scale)) {
      (e as { kind: Edge["kind"] }).kind = "annotation";
    } else if (!e.startBox && !e.endBox && !e.startNear && !e.endNear) {
      // Floating free of every box: a bracket beside a list, a divider, unless it joins drawn shapes.
      shapes ??= gridOf(lines, cellSize, elementRect);
      if (!nearShape(e.start, shapes, scale) && !nearShape(e.end, shapes, scale))
        (e as { kind: Edge["kind"] }).kind = "annotation";
    }
  }
  return { lifelineIds, lifelines };
}

function lifelineOf(points: readonly Point[], scale: number): Lifeline | null {
  const a = points[0]!,
    b = points[points.length - 1]!;
  const dy = Math.abs(b.y - a.y),
    dx = Math.abs(b.x - a.x);
  if (dy < MIN_LIFELINE * scale || dx > 0.05 * dy) return null;
  return { x: (a.x + b.x) / 2, top: Math.min(a.y, b.y), bottom: Math.max(a.y, b.y) };
}

function gridOf<T>(items: readonly T[], cellSize: number, rect: (item: T) => Rect): SpatialGrid<T> {
  const grid = new SpatialGrid<T>(cellSize, items.length);
  for (const item of items) grid.insert(item, rect(item));
  return grid;
}

/** A drawn line (the side of a hand-drawn shape) passes within reach of `p`. */
function nearShape(p: Point, grid: SpatialGrid<SceneElement>, scale: number): boolean {
  const reach = TEXT_REACH * scale;
  for (const el of grid.query({ x: p.x - reach, y: p.y - reach, width: 2 * reach, height: 2 * reach })) {
    const pts = polylineOf(el);
    for (let i = 1; i < pts.length; i++) if (segmentDistance(p, pts[i - 1]!, pts[i]!) <= reach) return true;
  }
  return false;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x,
    dy = b.y - a.y,
    len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Messages run across, from one lifeline to another. */
function isLevel(e: Edge): boolean {
  return Math.abs(e.end.y - e.start.y) <= 0.2 * Math.abs(e.end.x - e.start.x);
}

/** Two lifelines of one diagram: apart, and spanning mostly the same heights. */
function besideEachOther(a: Lifeline, b: Lifeline): boolean {
  if (Math.abs(a.x - b.x) < 40) return false;
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

function lifelineAt(p: Point, lifelines: readonly Lifeline[], scale: number): Lifeline | null {
  const reach = LIFELINE_REACH * scale;
  let best: Lifeline | null = null;
  for (const l of lifelines) {
    if (
      Math.abs(p.x - l.x) <= reach &&
      p.y >= l.top - reach &&
      p.y <= l.bottom + reach &&
      (!best || Math.abs(p.x - l.x) < Math.abs(p.x - best.x))
    )
      best = l;
  }
  return best;
}

/**
 * An arrow between two texts, or one leaving or reaching a note (several lines, or a
 * sentence) with that end on no box: a pointer, not a connection.
 */
function isAnnotation(e: Edge, grid: SpatialGrid<TextItem>, scale: number): boolean {
  if (e.startBox && e.endBox) return false;
  const atStart = e.startBox ? null : textAt(e.start, grid, scale);
  const atEnd = e.endBox ? null : textAt(e.end, grid, scale);
  if (atStart && atEnd) return true;
  return (atStart !== null && isNote(atStart)) || (atEnd !== null && isNote(atEnd));
}

function textAt(p: Point, grid: SpatialGrid<TextItem>, scale: number): TextItem | null {
  const reach = TEXT_REACH * scale;
  let best: TextItem | null = null,
    bestD = Infinity;
  for (const t of grid.query({ x: p.x - reach, y: p.y - reach, width: 2 * reach, height: 2 * reach })) {
    const d = distanceToRectXY(p.x, p.y, t.rect);
    if (d <= reach && d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}

/** Several lines, or a sentence: an explanation, not a component's name. */
function isNote(t: TextItem): boolean {
  return t.text.includes("\n") || t.text.length >= 30;
}

/** Free texts that label no component (loose, or in a zone's open space): where annotation arrows start and end. */
export function notesAmong(texts: readonly TextItem[], zones: ReadonlyMap<string, Box>): TextItem[] {
  const notes: TextItem[] = [];
  for (const t of texts) {
    if (t.containerId) continue;
    if (!t.labelOf || t.labelOf.kind === "edge" || (t.labelOf.how === "inside" && zones.get(t.labelOf.id)?.isZone))
      notes.push(t);
  }
  return notes;
}
