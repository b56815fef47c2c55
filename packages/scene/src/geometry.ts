/**
 * Plane geometry in scene coordinates: points, axis-aligned rectangles and the few
 * questions every consumer of a scene asks of them (overlap, containment, distance,
 * where a ray leaves a shape). Pure arithmetic; the linter calls some of these in its
 * hot loops, so they allocate nothing they do not return.
 */

/** A point in scene coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned rectangle in scene coordinates; width and height are never negative. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The outlines Excalidraw draws a box with, as far as geometry cares. */
export type BoxOutline = "rectangle" | "ellipse" | "diamond";

/** The centre of a rectangle. */
export function center(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/**
 * True when the rectangles share area, or come closer than `margin` to each other.
 * Rectangles that only touch along an edge do not intersect.
 */
export function intersects(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/** The area two rectangles share (0 when they do not overlap). */
export function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** True when `inner` lies within `outer`, allowing `slack` pixels of sloppy drawing. */
export function contains(outer: Rect, inner: Rect, slack = 0): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

/** The smallest rectangle holding all of `rects`; null for none. */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const r of rects) {
    if (r.x < x0) x0 = r.x;
    if (r.y < y0) y0 = r.y;
    if (r.x + r.width > x1) x1 = r.x + r.width;
    if (r.y + r.height > y1) y1 = r.y + r.height;
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** `r` grown by `by` on every side (shrunk for a negative `by`). */
export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/**
 * `Math.hypot` for two values. V8's `Math.hypot` takes rest arguments and allocates for
 * them on every call; with one side 0 (axis-aligned segments, points beside a rectangle)
 * the result is exactly the other side's magnitude, so that case skips it.
 */
function hypot(dx: number, dy: number): number {
  if (dx === 0) return Math.abs(dy);
  if (dy === 0) return Math.abs(dx);
  return Math.hypot(dx, dy);
}

/** Euclidean distance between two points. */
export function distance(a: Point, b: Point): number {
  return hypot(a.x - b.x, a.y - b.y);
}

/** Distance from a point to a rectangle (0 when inside). */
export function distanceToRect(p: Point, r: Rect): number {
  return distanceToRectXY(p.x, p.y, r);
}

/** `distanceToRect` for a point given as coordinates, so hot loops need not build one. */
export function distanceToRectXY(px: number, py: number, r: Rect): number {
  const dx = Math.max(r.x - px, 0, px - (r.x + r.width));
  const dy = Math.max(r.y - py, 0, py - (r.y + r.height));
  return hypot(dx, dy);
}

/**
 * Where the ray from the centre of `r` towards `toward` leaves the outline, pushed out
 * by `gap` so an arrowhead stops just short of it, as Excalidraw binds arrows.
 */
export function borderPoint(outline: BoxOutline, r: Rect, toward: Point, gap = 0): Point {
  const c = center(r);
  const dx = toward.x - c.x,
    dy = toward.y - c.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return c;
  const a = r.width / 2,
    b = r.height / 2;
  // Distance from the centre to the outline along the unit direction (ux, uy).
  const ux = dx / len,
    uy = dy / len;
  let t: number;
  if (outline === "ellipse") t = 1 / Math.sqrt((ux * ux) / (a * a) + (uy * uy) / (b * b));
  else if (outline === "diamond") t = 1 / (Math.abs(ux) / a + Math.abs(uy) / b);
  else t = Math.min(ux === 0 ? Infinity : a / Math.abs(ux), uy === 0 ? Infinity : b / Math.abs(uy));
  return { x: c.x + ux * (t + gap), y: c.y + uy * (t + gap) };
}

/** True when the segment a→b passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0,
    t1 = 1;
  const dx = b.x - a.x,
    dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Points of the ellipse inscribed in `r`, from angle `from` to `to` (radians, 0 = right,
 * clockwise on screen), rounded to a tenth of a pixel so drawings stay stable.
 */
export function ellipseArc(r: Rect, from: number, to: number, segments = 16): Point[] {
  const c = center(r);
  const out: Point[] = [];
  for (let i = 0; i <= segments; i++) {
    const a = from + ((to - from) * i) / segments;
    out.push({
      x: Math.round((c.x + (r.width / 2) * Math.cos(a)) * 10) / 10,
      y: Math.round((c.y + (r.height / 2) * Math.sin(a)) * 10) / 10,
    });
  }
  return out;
}
