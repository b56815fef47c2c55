/**
 * Reading back what the app inserted: every text element with the size Excalidraw's
 * own measurement gives it now (canvas, real font, after the font has loaded), every
 * arrow with its end points, every box. Browser tests check labels against these.
 */
import type { Page } from "@playwright/test";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelReading {
  id: string;
  text: string;
  fontSize: number;
  containerId: string | null;
  /** Set on a zone's title; zones are dashed frames around boxes, not boxes. */
  rect: Rect;
  /** Excalidraw's measurement of the text in its font. */
  measured: { width: number; height: number };
}

export interface Reading {
  labels: LabelReading[];
  arrows: { id: string; from: { x: number; y: number }; to: { x: number; y: number } }[];
  /** Boxes and lifelines; zones (dashed frames around boxes) are left out. */
  boxes: { id: string; rect: Rect }[];
}

/** Excalidraw's font string for a family id: the family, then its fallbacks. */
const FONT_STACKS: Record<number, string> = { 5: "Excalifont, Xiaolai, Segoe UI Emoji" };

export async function readLabels(page: Page): Promise<Reading> {
  return page.evaluate(async (stacks) => {
    const els = window.archboard!.elements();
    const canvas = document.createElement("canvas").getContext("2d")!;
    const role = (e: (typeof els)[number]) => (e.customData as { lint?: { role?: string } } | undefined)?.lint?.role;
    const labels = [];
    for (const e of els) {
      if (e.type !== "text") continue;
      const font = `${e.fontSize}px ${stacks[e.fontFamily] ?? "sans-serif"}`;
      await document.fonts.load(font, e.text);
      canvas.font = font;
      const lines = e.text.split("\n");
      const width = Math.max(...lines.map((l) => canvas.measureText(l || " ").width));
      labels.push({
        id: e.id,
        text: e.text,
        fontSize: e.fontSize,
        containerId: e.containerId,
        rect: { x: e.x, y: e.y, width: e.width, height: e.height },
        measured: { width, height: lines.length * e.fontSize * e.lineHeight },
      });
    }
    const arrows = els
      .filter((e) => e.type === "arrow")
      .map((e) => {
        const pts = (e as unknown as { points: [number, number][] }).points;
        const [first, last] = [pts[0]!, pts[pts.length - 1]!];
        return { id: e.id, from: { x: e.x + first[0], y: e.y + first[1] }, to: { x: e.x + last[0], y: e.y + last[1] } };
      });
    const boxes = els
      .filter((e) => (e.type === "rectangle" || e.type === "ellipse") && role(e) !== "zone")
      .map((e) => ({ id: e.id, rect: { x: e.x, y: e.y, width: e.width, height: e.height } }));
    return { labels, arrows, boxes };
  }, FONT_STACKS);
}

export const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where a label sits along its arrow: the stretch its rectangle covers, measured from
 * the arrow's start, and the arrow's length.
 */
export function spanAlong(label: Rect, arrow: Reading["arrows"][number]): { from: number; to: number; length: number } {
  const dx = arrow.to.x - arrow.from.x,
    dy = arrow.to.y - arrow.from.y;
  const length = Math.hypot(dx, dy);
  const ux = dx / length,
    uy = dy / length;
  const cx = label.x + label.width / 2 - arrow.from.x,
    cy = label.y + label.height / 2 - arrow.from.y;
  const centre = cx * ux + cy * uy;
  const half = (label.width * Math.abs(ux) + label.height * Math.abs(uy)) / 2;
  return { from: centre - half, to: centre + half, length };
}
