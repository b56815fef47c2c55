/**
 * Laid-out diagram → complete Excalidraw 0.18 element records, without the DOM: what
 * the lint tests feed the real linter, and what the app can insert when it cannot go
 * through `convertToExcalidrawElements` (building blocks binding to an element already
 * on the board). Text sizes are estimates (see layout/geometry.ts); running the result
 * through Excalidraw's `restoreElements(els, null, { refreshDimensions: true })`
 * re-measures them with the real font.
 */
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { INK } from "../kinds.ts";
import { BOUND_TEXT_PADDING, LINE_HEIGHT, type Rect, type TextBlock } from "../layout/geometry.ts";
import { layout } from "../layout/layout.ts";
import type { LaidOutDiagram, LayoutOptions } from "../layout/types.ts";
import type { Template } from "../schema.ts";
import { arrowCustomData, boxCustomData, FONT_FAMILY, noteCustomData, ZONE_STROKE, zoneCustomData } from "./custom-data.ts";

/** A mutable element record while it is being assembled. */
type Draft = { id: string; type: string; [field: string]: unknown };

export interface ElementOptions extends LayoutOptions {
  /** Source of seeds and nonces. Default: a generator seeded by the template id (repeatable output). */
  readonly random?: () => number;
}

/** A template as full Excalidraw elements, laid out at `options.origin`. */
export function templateToElements(template: Template, options: ElementOptions = {}): ExcalidrawElement[] {
  return toElements(layout(template, options), options.random ?? seededRandom(template.id));
}

/**
 * Full elements for an already laid-out diagram. Arrows are bound at both ends
 * (`startBinding`/`endBinding` on the arrow, `boundElements` on the box) and labelled
 * with bound text; boxes carry bound labels and `customData.kind`.
 */
export function toElements(d: LaidOutDiagram, random: () => number): ExcalidrawElement[] {
  const make = factory(random);
  const out: Draft[] = [];
  const byId = new Map<string, Draft>();
  const add = (el: Draft): Draft => {
    out.push(el);
    byId.set(el.id, el);
    return el;
  };
  const boundTo = (containerId: string, element: { id: string; type: string }): void => {
    const container = byId.get(containerId);
    if (!container) return; // an anchor outside this diagram: the caller updates it
    container["boundElements"] = [...((container["boundElements"] as Draft[] | null) ?? []), element];
  };

  for (const z of d.zones) {
    const zone = add(make.shape("rectangle", z.id, z.rect, {
      strokeColor: ZONE_STROKE, strokeStyle: "dashed", strokeWidth: 1, customData: zoneCustomData(d.templateId, z.key),
    }));
    const at = { x: z.rect.x + BOUND_TEXT_PADDING, y: z.rect.y + BOUND_TEXT_PADDING };
    const text = add(make.text(`${z.id}-label`, z.label.text, z.label.block, z.label.fontSize, at, { containerId: zone.id, textAlign: "left", verticalAlign: "top", strokeColor: ZONE_STROKE }));
    boundTo(zone.id, { id: text.id, type: "text" });
  }
  for (const b of d.boxes) {
    const box = add(make.shape(b.shape, b.id, b.rect, {
      backgroundColor: b.backgroundColor, strokeStyle: b.strokeStyle, groupIds: [...b.groupIds], customData: boxCustomData(d.templateId, b),
    }));
    if (!b.label) continue;
    const at = centred(b.rect, b.label.block);
    const text = add(make.text(`${b.id}-label`, b.label.text, b.label.block, b.label.fontSize, at, { containerId: box.id, groupIds: [...b.groupIds] }));
    boundTo(box.id, { id: text.id, type: "text" });
  }
  for (const a of d.arrows) {
    const first = a.points[0]!;
    const local = a.points.map((p) => [p.x - first.x, p.y - first.y]);
    const xs = local.map((p) => p[0]!), ys = local.map((p) => p[1]!);
    const arrow = add({
      ...make.base("arrow", a.id, { x: first.x, y: first.y, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) }),
      strokeColor: a.look.strokeColor, strokeStyle: a.look.strokeStyle, roundness: { type: 2 },
      points: local, lastCommittedPoint: null, elbowed: false, startArrowhead: null, endArrowhead: "arrow",
      startBinding: { elementId: a.fromId, focus: a.focus.start, gap: 6 },
      endBinding: { elementId: a.toId, focus: a.focus.end, gap: 6 },
      customData: arrowCustomData(d.templateId, a),
    });
    boundTo(a.fromId, { id: arrow.id, type: "arrow" });
    boundTo(a.toId, { id: arrow.id, type: "arrow" });
    const label = a.label;
    const text = add(make.text(`${a.id}-label`, label.text, label.block, label.fontSize, label.rect, { containerId: arrow.id, strokeColor: a.look.strokeColor }));
    boundTo(arrow.id, { id: text.id, type: "text" });
  }
  for (const n of d.notes) {
    add(make.text(n.id, n.block.text, n.block, n.fontSize, n.rect, { textAlign: "left", verticalAlign: "top", customData: noteCustomData(d.templateId) }));
  }
  out.forEach((el, i) => {
    el["index"] = fractionalIndex(i);
  });
  // Structurally Excalidraw 0.18 elements; its brands (points, indices, line height) are nominal only.
  return out as unknown as ExcalidrawElement[];
}

function centred(r: Rect, block: TextBlock): { x: number; y: number } {
  return { x: r.x + (r.width - block.width) / 2, y: r.y + (r.height - block.height) / 2 };
}

/** Element constructors sharing one random source. */
function factory(random: () => number) {
  const int = (): number => Math.floor(random() * 2 ** 31);
  const base = (type: string, id: string, r: Rect): Draft => ({
    id, type, x: r.x, y: r.y, width: r.width, height: r.height, angle: 0,
    strokeColor: INK, backgroundColor: "transparent", fillStyle: "solid", strokeWidth: 2, strokeStyle: "solid",
    roughness: 1, opacity: 100, groupIds: [], frameId: null, index: null, roundness: null,
    seed: int(), version: 1, versionNonce: int(), isDeleted: false, boundElements: null,
    updated: Date.now(), link: null, locked: false,
  });
  return {
    base,
    shape: (type: "rectangle" | "ellipse", id: string, r: Rect, extra: Record<string, unknown>): Draft => ({
      ...base(type, id, r), roundness: type === "rectangle" ? { type: 3 } : null, ...extra,
    }),
    text: (id: string, original: string, block: TextBlock, fontSize: number, at: { x: number; y: number }, extra: Record<string, unknown>): Draft => ({
      ...base("text", id, { x: at.x, y: at.y, width: block.width, height: block.height }),
      text: block.text, originalText: original, fontSize, fontFamily: FONT_FAMILY,
      textAlign: "center", verticalAlign: "middle", containerId: null, autoResize: true, lineHeight: LINE_HEIGHT,
      ...extra,
    }),
  };
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * The i-th fractional index in ascending order ("a0" … "az", then "b00" …), the key
 * format Excalidraw orders elements by. Enough for 62 + 3,844 elements.
 */
export function fractionalIndex(i: number): string {
  if (i < 62) return `a${BASE62[i]}`;
  const j = i - 62;
  return `b${BASE62[Math.floor(j / 62) % 62]}${BASE62[j % 62]}`;
}

/** A small deterministic generator (mulberry32) seeded from a string. */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
