/**
 * Small constructors for complete Excalidraw 0.18 element records, without the DOM, so
 * the component library can be built (and linted in tests) in plain TypeScript. Text
 * sizes are estimates; the app re-measures them with the real font before use
 * (`measureLibraryItems`). Ids come from a caller-chosen prefix so items are stable
 * across reloads: Excalidraw gives inserted copies fresh ids anyway.
 */
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { Rect } from "./placement.ts";

/** Excalifont, Excalidraw 0.18's default hand-drawn font. */
export const FONT_FAMILY = 5;
export const FONT_SIZE = 20;
export const LINE_HEIGHT = 1.25;
export const INK = "#1e1e1e";
/** Average glyph width of Excalifont relative to the font size, for estimates only. */
const GLYPH_WIDTH = 0.56;

/** An element while it is being assembled; cast to Excalidraw's type when done. */
export type Draft = { id: string; type: string; [field: string]: unknown };

export interface ShapeStyle {
  readonly strokeColor?: string;
  readonly backgroundColor?: string;
  readonly strokeStyle?: "solid" | "dashed" | "dotted";
  readonly strokeWidth?: number;
  readonly roundness?: { type: number } | null;
  readonly customData?: Record<string, unknown>;
}

/** Deterministic seeds: library items should not change from one load to the next. */
function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 2 ** 31;
}

function base(type: string, id: string, r: Rect, groupIds: readonly string[], style: ShapeStyle): Draft {
  return {
    id, type, x: r.x, y: r.y, width: r.width, height: r.height, angle: 0,
    strokeColor: style.strokeColor ?? INK, backgroundColor: style.backgroundColor ?? "transparent",
    fillStyle: "solid", strokeWidth: style.strokeWidth ?? 2, strokeStyle: style.strokeStyle ?? "solid",
    roughness: 1, opacity: 100, groupIds: [...groupIds], frameId: null, index: null,
    roundness: style.roundness === undefined ? null : style.roundness,
    seed: seedOf(id), version: 1, versionNonce: seedOf(`${id}#`), isDeleted: false, boundElements: null,
    updated: 1, link: null, locked: false,
    ...(style.customData ? { customData: style.customData } : {}),
  };
}

/** A rectangle, ellipse or diamond. */
export function shape(
  type: "rectangle" | "ellipse" | "diamond", id: string, r: Rect, groupIds: readonly string[], style: ShapeStyle = {},
): Draft {
  return base(type, id, r, groupIds, style);
}

/** A line through `points` (scene coordinates); closed when the last point repeats the first, and then filled. */
export function line(id: string, points: readonly [number, number][], groupIds: readonly string[], style: ShapeStyle = {}): Draft {
  const [x0, y0] = points[0] ?? [0, 0];
  const local = points.map(([x, y]) => [x - x0, y - y0]);
  const xs = local.map((p) => p[0]!), ys = local.map((p) => p[1]!);
  return {
    ...base("line", id, { x: x0, y: y0, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }, groupIds, style),
    points: local, lastCommittedPoint: null, startBinding: null, endBinding: null, startArrowhead: null, endArrowhead: null,
  };
}

/** Estimated size of a text block at `fontSize`. */
export function estimateText(text: string, fontSize = FONT_SIZE): { width: number; height: number } {
  const lines = text.split("\n");
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * fontSize * GLYPH_WIDTH), height: Math.ceil(lines.length * fontSize * LINE_HEIGHT) };
}

/**
 * Binds a centred label to `container` (both sides of the binding). Returns the text
 * element; the container's `boundElements` gains it.
 */
export function boundLabel(container: Draft, text: string, fontSize = FONT_SIZE): Draft {
  const size = estimateText(text, fontSize);
  const cx = (container.x as number) + (container.width as number) / 2;
  const cy = (container.y as number) + (container.height as number) / 2;
  const label: Draft = {
    ...base("text", `${container.id}-label`, { x: cx - size.width / 2, y: cy - size.height / 2, ...size }, container.groupIds as string[], {}),
    text, originalText: text, fontSize, fontFamily: FONT_FAMILY, textAlign: "center", verticalAlign: "middle",
    containerId: container.id, autoResize: true, lineHeight: LINE_HEIGHT,
  };
  container.boundElements = [...((container.boundElements as Draft[] | null) ?? []), { id: label.id, type: "text" }];
  return label;
}

/** Points of an ellipse inscribed in `r`, from angle `from` to `to` (radians, 0 = right, clockwise on screen). */
export function ellipseArc(r: Rect, from: number, to: number, segments = 16): [number, number][] {
  const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
  const out: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const a = from + ((to - from) * i) / segments;
    out.push([Math.round((cx + (r.width / 2) * Math.cos(a)) * 10) / 10, Math.round((cy + (r.height / 2) * Math.sin(a)) * 10) / 10]);
  }
  return out;
}

/** Drafts as Excalidraw elements: structurally complete; brands (points, indices) are nominal only. */
export function asElements(drafts: readonly Draft[]): ExcalidrawElement[] {
  return drafts as unknown as ExcalidrawElement[];
}
