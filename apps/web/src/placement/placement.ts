/**
 * Where inserted content goes: at the viewport centre unless that would cover what is
 * already drawn, in which case it walks right and down in fixed steps until it finds a
 * clear spot. Pure geometry on plain rectangles, so it is deterministic and testable
 * without Excalidraw; the caller turns elements into rectangles with `elementRect`
 * (from `@archboard/scene`, like the rest of the geometry).
 */
import { elementRect, intersects, type Point, type Rect, type SceneElement } from "@archboard/scene";

export interface FreeSpotOptions {
  /** Distance moved per step, in scene px. */
  readonly step?: number;
  /** Clear space kept around existing content, in scene px. */
  readonly margin?: number;
  /** How many diagonals of candidates to try before giving up and going right of everything. */
  readonly maxRings?: number;
}

const DEFAULTS = { step: 80, margin: 40, maxRings: 24 } as const;

/** Rectangles of the live elements, the ones new content must stay clear of. */
export function occupiedRects(elements: readonly SceneElement[]): Rect[] {
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
      const x = start.x + i * step,
        y = start.y + (ring - i) * step;
      if (isFree(x, y)) return { x, y };
    }
  }
  const right = Math.max(...occupied.map((r) => r.x + r.width));
  return { x: Math.round(right + margin + step), y: start.y };
}
