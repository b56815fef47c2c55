/**
 * Excalidraw 0.18 elements as the rest of Archboard reads and writes them, without
 * depending on Excalidraw itself. Reading is loose on purpose: real `.excalidraw` files
 * span years of the format (no `index`, `boundElementIds` instead of `boundElements`,
 * `draw` instead of `freedraw`), so every field but `id` and `type` is optional and read
 * defensively. Excalidraw's own `ExcalidrawElement` is assignable to {@link SceneElement}.
 */
import { distance, type Point, type Rect } from "./geometry.ts";

/** Element types Excalidraw 0.18 draws. */
export type ElementType =
  | "rectangle"
  | "ellipse"
  | "diamond"
  | "text"
  | "arrow"
  | "line"
  | "freedraw"
  | "image"
  | "frame"
  | "magicframe"
  | "embeddable"
  | "iframe"
  | "selection";

/** One side of a container ⇄ bound element link, as listed in `boundElements`. */
export interface BoundElement {
  readonly id: string;
  readonly type: string;
}

/** How an arrow end is attached to a shape (`startBinding` / `endBinding`). */
export interface PointBinding {
  readonly elementId: string;
  /** -1…1: where on the shape the arrow aims; 0 is the centre. */
  readonly focus: number;
  /** Pixels between the arrowhead and the outline. */
  readonly gap: number;
}

/** Pixels Excalidraw leaves between a bound arrow's head and the shape it points at. */
export const BINDING_GAP = 6;

/** The loose element shape every reader of a scene accepts. */
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
  readonly boundElements?: readonly BoundElement[] | null;
  readonly text?: string;
  readonly originalText?: string;
  readonly name?: string | null;
  readonly points?: readonly (readonly number[])[];
  readonly startBinding?: { readonly elementId?: string } | null;
  readonly endBinding?: { readonly elementId?: string } | null;
  readonly startArrowhead?: string | null;
  readonly endArrowhead?: string | null;
  /** Fractional z-order key (see fractional-index.ts); absent in files from before indices. */
  readonly index?: string | null;
  readonly version?: number;
  readonly versionNonce?: number;
  readonly strokeColor?: string;
  /** 0–100; an arrow at 0 is invisible. */
  readonly opacity?: number;
  /** "solid", "dashed" or "dotted". */
  readonly strokeStyle?: string;
  /** An elbow arrow, whose bindings carry fixed points Excalidraw computes. */
  readonly elbowed?: boolean;
  readonly fontSize?: number;
  readonly lineHeight?: number;
  readonly customData?: Record<string, unknown>;
}

/**
 * A complete element record as Excalidraw stores it, being assembled or handed to
 * `updateScene`: its brands (points, indices, line height) are nominal only, so callers
 * cast it to Excalidraw's type once it is done.
 */
export type ElementRecord = { id: string; type: string; [field: string]: unknown };

/** Numbers from hand-edited or very old files may be missing or NaN: treat as 0. */
export function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * The element's bounding box, normalised so width and height are positive. Linear
 * elements are measured from their points (relative to x, y, and able to reach left of
 * or above it) because their stored width can be stale. Rotation is ignored.
 */
export function elementRect(el: SceneElement): Rect {
  return elementBox(el, plainRect);
}

const plainRect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });

/**
 * {@link elementRect}'s measurement, handing the box to `make`, so a caller that keeps
 * rectangles its own way (the diagram check packs them into one typed array) builds no
 * intermediate object.
 */
export function elementBox<R>(el: SceneElement, make: (x: number, y: number, width: number, height: number) => R): R {
  const x = num(el.x);
  const y = num(el.y);
  const pts = el.points;
  if (pts && pts.length > 0) {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const p of pts) {
      const px = num(p[0]),
        py = num(p[1]);
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
    return make(x + minX, y + minY, maxX - minX, maxY - minY);
  }
  const w = num(el.width),
    h = num(el.height);
  return make(w < 0 ? x + w : x, h < 0 ? y + h : y, Math.abs(w), Math.abs(h));
}

/** Absolute polyline of a linear element (arrow or line); at least two points. */
export function polylineOf(el: SceneElement): Point[] {
  const x = num(el.x),
    y = num(el.y);
  const src = el.points ?? [];
  // Sized up front: a pushed-to empty array reserves 17 slots, for usually 2 points.
  const pts = new Array<Point>(src.length);
  for (let i = 0; i < src.length; i++) pts[i] = { x: x + num(src[i]![0]), y: y + num(src[i]![1]) };
  if (pts.length === 0) pts.push({ x, y });
  if (pts.length === 1) pts.push({ x: x + num(el.width), y: y + num(el.height) });
  return pts;
}

/** The point halfway along a polyline, measured along its length. */
export function polylineMidpoint(pts: readonly Point[]): Point {
  return polylineMidpointInto(pts, { x: 0, y: 0 });
}

/** `polylineMidpoint` written into `out` (hot loops reuse one object). */
export function polylineMidpointInto(pts: readonly Point[], out: { x: number; y: number }): Point {
  let total = 0;
  for (let i = 1; i < pts.length; i++) total += distance(pts[i - 1]!, pts[i]!);
  let half = total / 2;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!,
      b = pts[i]!;
    const d = distance(a, b);
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

/**
 * Where Excalidraw centres a straight arrow's bound label: the middle point of an odd
 * number of points, else the middle of the middle segment.
 */
export function arrowLabelCenter(el: SceneElement): Point {
  const pts = el.points ?? [];
  const x = num(el.x),
    y = num(el.y);
  if (pts.length === 0) return { x, y };
  const n = pts.length;
  const a = pts[Math.floor((n - 1) / 2)]!,
    b = pts[Math.ceil((n - 1) / 2)]!;
  return { x: x + (num(a[0]) + num(b[0])) / 2, y: y + (num(a[1]) + num(b[1])) / 2 };
}
