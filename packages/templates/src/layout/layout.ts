import type { Point, Rect } from "@archboard/scene";
import type { Template } from "../schema.ts";
import { layoutFlow } from "./flow.ts";
import { layoutSequence } from "./sequence.ts";
import type { LaidOutDiagram, LayoutOptions } from "./types.ts";

/**
 * Lays a template out once, in scene coordinates, with the top-left corner of everything
 * drawn (zones, labels and notes included) at `options.origin`. Both element outputs
 * are made from this.
 */
export function layout(template: Template, options: LayoutOptions = {}): LaidOutDiagram {
  const prefix = options.idPrefix ?? `${template.id}/`;
  const d = template.diagram;
  const raw = d.type === "flow" ? layoutFlow(template, d, prefix) : layoutSequence(template, d, prefix);
  const origin = options.origin ?? { x: 0, y: 0 };
  return translate(raw, origin.x - raw.bounds.x, origin.y - raw.bounds.y);
}

/** Width and height of a template once laid out, so the app can find room for it. */
export function bounds(template: Template): { width: number; height: number } {
  const { width, height } = layout(template).bounds;
  return { width, height };
}

/** The diagram moved by (dx, dy). */
export function translate(d: LaidOutDiagram, dx: number, dy: number): LaidOutDiagram {
  if (dx === 0 && dy === 0) return d;
  const r = (rect: Rect): Rect => ({ ...rect, x: rect.x + dx, y: rect.y + dy });
  const p = (pt: Point): Point => ({ x: pt.x + dx, y: pt.y + dy });
  return {
    templateId: d.templateId,
    zones: d.zones.map((z) => ({ ...z, rect: r(z.rect) })),
    boxes: d.boxes.map((b) => ({ ...b, rect: r(b.rect) })),
    arrows: d.arrows.map((a) => ({ ...a, points: a.points.map(p), label: { ...a.label, rect: r(a.label.rect) } })),
    notes: d.notes.map((n) => ({ ...n, rect: r(n.rect) })),
    bounds: r(d.bounds),
  };
}
