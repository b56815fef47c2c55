/**
 * The loose element shape the linter reads. Real `.excalidraw` files span years of the
 * format (no `index`, `boundElementIds` instead of `boundElements`, `draw` instead of
 * `freedraw`), so every field but `id` and `type` is optional and read defensively.
 * Excalidraw's own `ExcalidrawElement` is assignable to this type.
 */
export interface SceneElement {
  readonly id: string;
  readonly type: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly angle?: number;
  readonly isDeleted?: boolean;
  readonly groupIds?: readonly string[];
  readonly frameId?: string | null;
  readonly containerId?: string | null;
  readonly boundElements?: readonly { readonly id: string; readonly type: string }[] | null;
  readonly text?: string;
  readonly originalText?: string;
  readonly name?: string | null;
  readonly points?: readonly (readonly number[])[];
  readonly startBinding?: { readonly elementId?: string } | null;
  readonly endBinding?: { readonly elementId?: string } | null;
  readonly startArrowhead?: string | null;
  readonly endArrowhead?: string | null;
  readonly index?: string | null;
  readonly version?: number;
  readonly versionNonce?: number;
  readonly strokeColor?: string;
  readonly fontSize?: number;
  readonly lineHeight?: number;
  readonly customData?: Record<string, unknown>;
}

/** Axis-aligned rectangle in scene coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Numbers from hand-edited or very old files may be missing or NaN: treat as 0. */
export function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * The element's bounding box, normalised so width and height are positive. Linear
 * elements are measured from their points because their stored width can be stale.
 */
export function rectOf(el: SceneElement): Rect {
  const x = num(el.x);
  const y = num(el.y);
  const pts = el.points;
  if (pts && pts.length > 0) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const p of pts) {
      const px = num(p[0]), py = num(p[1]);
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    return { x: x + minX, y: y + minY, w: maxX - minX, h: maxY - minY };
  }
  const w = num(el.width), h = num(el.height);
  return { x: w < 0 ? x + w : x, y: h < 0 ? y + h : y, w: Math.abs(w), h: Math.abs(h) };
}

/** Absolute polyline of a linear element (arrow or line); at least two points. */
export function polylineOf(el: SceneElement): Point[] {
  const x = num(el.x), y = num(el.y);
  const src = el.points ?? [];
  // Sized up front: a pushed-to empty array reserves 17 slots, for usually 2 points.
  const pts = new Array<Point>(src.length);
  for (let i = 0; i < src.length; i++) pts[i] = { x: x + num(src[i]![0]), y: y + num(src[i]![1]) };
  if (pts.length === 0) pts.push({ x, y });
  if (pts.length === 1) pts.push({ x: x + num(el.width), y: y + num(el.height) });
  return pts;
}

/** The point halfway along a polyline: where Excalidraw centres an arrow's label. */
export function polylineMidpoint(pts: readonly Point[]): Point {
  return polylineMidpointInto(pts, { x: 0, y: 0 });
}

/** `polylineMidpoint` written into `out` (hot loops reuse one object). */
export function polylineMidpointInto(pts: readonly Point[], out: { x: number; y: number }): Point {
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += dist(pts[i - 1]!, pts[i]!);
  let half = total / 2;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!, b = pts[i]!;
    const d = dist(a, b);
    if (d >= half && d > 0) {
      const t = half / d;
      out.x = a.x + (b.x - a.x) * t;
      out.y = a.y + (b.y - a.y) * t;
      return out;
    }
    half -= d;
  }
  out.x = pts[0]!.x;
  out.y = pts[0]!.y;
  return out;
}

export function dist(a: Point, b: Point): number {
  return hypot(a.x - b.x, a.y - b.y);
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

/** Distance from a point to a rectangle (0 when inside). */
export function distToRect(p: Point, r: Rect): number {
  return distToRectXY(p.x, p.y, r);
}

/** `distToRect` for a point given as coordinates, so callers need not build one. */
export function distToRectXY(px: number, py: number, r: Rect): number {
  const dx = Math.max(r.x - px, 0, px - (r.x + r.w));
  const dy = Math.max(r.y - py, 0, py - (r.y + r.h));
  return hypot(dx, dy);
}

export function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** True when `inner` lies within `outer`, allowing a few pixels of sloppy drawing. */
export function containsRect(outer: Rect, inner: Rect, slack = 2): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.w <= outer.x + outer.w + slack &&
    inner.y + inner.h <= outer.y + outer.h + slack
  );
}

export function centerOf(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

/** Rule ids or aliases listed in `customData.lint.disable`, upper/lower case as written. */
export function disabledRules(el: SceneElement | undefined): readonly string[] {
  const lint = el?.customData?.["lint"];
  if (!lint || typeof lint !== "object") return [];
  const list = (lint as { disable?: unknown }).disable;
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
}

/** `customData.lint.role` (e.g. "note", "legend"): the author says what a shape is. */
export function lintRole(el: SceneElement): string | null {
  const lint = el.customData?.["lint"];
  if (!lint || typeof lint !== "object") return null;
  const role = (lint as { role?: unknown }).role;
  return typeof role === "string" ? role : null;
}
