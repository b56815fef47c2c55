/**
 * Plane geometry and text metrics for the layout, DOM-free. Text is measured with a
 * deliberate over-estimate of Excalifont's glyph width, so a label that fits here also
 * fits when Excalidraw measures it for real: boxes never grow after placement.
 */
import type { BoxShape } from "../kinds.ts";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function center(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function union(rects: readonly Rect[]): Rect {
  if (rects.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/**
 * Where the ray from the shape's centre towards `toward` leaves the shape, pushed out
 * by `gap` so the arrowhead stops just short of the outline (as Excalidraw binds).
 */
export function borderPoint(shape: BoxShape, r: Rect, toward: Point, gap: number): Point {
  const c = center(r);
  const dx = toward.x - c.x, dy = toward.y - c.y;
  const len = Math.hypot(dx, dy);
  if (len === 0) return c;
  const a = r.width / 2, b = r.height / 2;
  // Distance from the centre to the outline along the unit direction (ux, uy).
  const ux = dx / len, uy = dy / len;
  const t = shape === "ellipse"
    ? 1 / Math.sqrt((ux * ux) / (a * a) + (uy * uy) / (b * b))
    : Math.min(ux === 0 ? Infinity : a / Math.abs(ux), uy === 0 ? Infinity : b / Math.abs(uy));
  return { x: c.x + ux * (t + gap), y: c.y + uy * (t + gap) };
}

/** True when the segment a→b passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0, t1 = 1;
  const dx = b.x - a.x, dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x], [dx, r.x + r.width - a.x], [-dy, a.y - r.y], [dy, r.y + r.height - a.y],
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

/** Excalidraw's default line height for its fonts. */
export const LINE_HEIGHT = 1.25;
/** Excalifont averages ~0.5 em per glyph; 0.6 leaves room so real text never overflows. */
const GLYPH_EM = 0.6;
/** Excalidraw's padding between a container's outline and its bound text. */
export const BOUND_TEXT_PADDING = 5;

export function textWidth(line: string, fontSize: number): number {
  return Math.ceil(line.length * fontSize * GLYPH_EM);
}

export interface TextBlock {
  /** The text with line breaks where it wraps. */
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** Greedy word wrap to `maxWidth`, keeping explicit line breaks; long words stay whole. */
export function wrapText(text: string, fontSize: number, maxWidth: number): TextBlock {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidth(candidate, fontSize) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
  return { text: lines.join("\n"), width, height: Math.ceil(lines.length * fontSize * LINE_HEIGHT) };
}

/** The widest text a container holds, by Excalidraw's rule for its shape. */
export function maxTextWidth(container: "rectangle" | "ellipse" | "arrow", width: number, fontSize: number): number {
  if (container === "arrow") return Math.max(0.7 * width, fontSize * 11);
  if (container === "ellipse") return Math.round((width / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return width - BOUND_TEXT_PADDING * 2;
}

/** The tallest text a box holds before Excalidraw would grow it. */
export function maxTextHeight(container: "rectangle" | "ellipse", height: number): number {
  if (container === "ellipse") return Math.round((height / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return height - BOUND_TEXT_PADDING * 2;
}
