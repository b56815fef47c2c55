/**
 * Where inserted content goes: at the viewport centre unless that would cover what is
 * already drawn, in which case it walks right and down in fixed steps until it finds a
 * clear spot. Pure geometry on plain rectangles, so it is deterministic and testable
 * without Excalidraw; the caller turns elements into rectangles with `elementRect`.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What `elementRect` needs from an element; any Excalidraw element fits. */
export interface PlacedElement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly isDeleted?: boolean;
  readonly points?: readonly (readonly number[])[];
}

export interface FreeSpotOptions {
  /** Distance moved per step, in scene px. */
  readonly step?: number;
  /** Clear space kept around existing content, in scene px. */
  readonly margin?: number;
  /** How many diagonals of candidates to try before giving up and going right of everything. */
  readonly maxRings?: number;
}

const DEFAULTS = { step: 80, margin: 40, maxRings: 24 } as const;

/**
 * Axis-aligned bounds of an element. Arrows and lines keep their points relative to
 * (x, y) and may reach left of or above it, so their points decide; rotation is ignored
 * (a rotated box is treated as its unrotated rectangle, close enough for spacing).
 */
export function elementRect(el: PlacedElement): Rect {
  if (el.points && el.points.length > 0) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of el.points) {
      const px = p[0] ?? 0, py = p[1] ?? 0;
      if (px < minX) minX = px;
      if (py < minY) minY = py;
      if (px > maxX) maxX = px;
      if (py > maxY) maxY = py;
    }
    return { x: el.x + minX, y: el.y + minY, width: maxX - minX, height: maxY - minY };
  }
  return { x: el.x, y: el.y, width: Math.abs(el.width), height: Math.abs(el.height) };
}

/** The smallest rectangle holding all of `rects`; null for none. */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** True when the rectangles share any area or come closer than `margin` to each other. */
export function intersects(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin && b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin && b.y < a.y + a.height + margin
  );
}

/** Rectangles of the live elements, the ones new content must stay clear of. */
export function occupiedRects(elements: readonly PlacedElement[]): Rect[] {
  const out: Rect[] = [];
  for (const el of elements) if (!el.isDeleted) out.push(elementRect(el));
  return out;
}

/**
 * Top-left corner for content of `size` that overlaps none of `occupied`. The first
 * candidate centres the content on `centre`; then, diagonal by diagonal, candidates
 * `start + (i·step, j·step)` with `i + j = ring`, right-most first, so content lands
 * as close to where the user is looking as possible. If every candidate is taken, the
 * content goes to the right of everything, which is always free.
 */
export function findFreeSpot(
  size: { readonly width: number; readonly height: number },
  occupied: readonly Rect[],
  centre: Point,
  options: FreeSpotOptions = {},
): Point {
  const { step, margin, maxRings } = { ...DEFAULTS, ...options };
  const start = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  // Only rectangles that reach the search area can block a candidate.
  const reach = { x: start.x, y: start.y, width: size.width + maxRings * step, height: size.height + maxRings * step };
  const nearby = occupied.filter((r) => intersects(r, reach, margin));
  const isFree = (x: number, y: number): boolean => {
    const candidate = { x, y, width: size.width, height: size.height };
    for (const r of nearby) if (intersects(candidate, r, margin)) return false;
    return true;
  };
  for (let ring = 0; ring <= maxRings; ring++) {
    for (let i = ring; i >= 0; i--) {
      const x = start.x + i * step, y = start.y + (ring - i) * step;
      if (isFree(x, y)) return { x, y };
    }
  }
  const right = Math.max(...occupied.map((r) => r.x + r.width));
  return { x: Math.round(right + margin + step), y: start.y };
}

/** The centre of a rectangle. */
export function centreOf(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}
