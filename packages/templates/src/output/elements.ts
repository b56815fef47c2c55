/**
 * Laid-out diagram → complete Excalidraw 0.18 element records, without the DOM: what
 * the lint tests feed the real linter, and what the app can insert when it cannot go
 * through `convertToExcalidrawElements` (building blocks binding to an element already
 * on the board). Text sizes come from Excalifont's measured advances (`@archboard/scene`'s
 * text metrics), which is what Excalidraw measures once the font has loaded.
 */
import {
  BINDING_GAP,
  BOUND_TEXT_PADDING,
  elementFactory,
  indexKey,
  seededRandom,
  type ElementRecord,
  type Random,
  type Rect,
  type TextBlock,
} from "@archboard/scene";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { layout } from "../layout/layout.ts";
import type { LaidOutDiagram, LayoutOptions } from "../layout/types.ts";
import type { Template } from "../schema.ts";
import { arrowCustomData, boxCustomData, noteCustomData, ZONE_STROKE, zoneCustomData } from "./custom-data.ts";

export interface ElementOptions extends LayoutOptions {
  /** Source of seeds and nonces. Default: a generator seeded by the template id (repeatable output). */
  readonly random?: Random;
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
export function toElements(d: LaidOutDiagram, random: Random): ExcalidrawElement[] {
  const make = elementFactory({ random });
  const out: ElementRecord[] = [];
  const byId = new Map<string, ElementRecord>();
  const add = (el: ElementRecord): ElementRecord => {
    out.push(el);
    byId.set(el.id, el);
    return el;
  };
  /** A wrapped label bound to an element of this diagram (an anchor outside it is the caller's to update). */
  const label = (
    containerId: string,
    text: string,
    block: TextBlock,
    fontSize: number,
    at: { x: number; y: number },
    extra: object = {},
  ) => {
    const container = byId.get(containerId);
    const el = make.text(block.text, {
      id: `${containerId}-label`,
      originalText: text,
      fontSize,
      at,
      containerId,
      ...extra,
    });
    if (container)
      container["boundElements"] = [
        ...((container["boundElements"] as object[] | null) ?? []),
        { id: el.id, type: "text" },
      ];
    return add(el);
  };
  const arrowBound = (containerId: string, arrowId: string): void => {
    const container = byId.get(containerId);
    if (container)
      container["boundElements"] = [
        ...((container["boundElements"] as object[] | null) ?? []),
        { id: arrowId, type: "arrow" },
      ];
  };

  for (const z of d.zones) {
    add(
      make.rectangle(z.rect, {
        id: z.id,
        strokeColor: ZONE_STROKE,
        strokeStyle: "dashed",
        strokeWidth: 1,
        // Square corners, as in the skeletons: a rounded corner would cross the title.
        roundness: null,
        customData: zoneCustomData(d.templateId, z.key),
      }),
    );
    const at = { x: z.rect.x + BOUND_TEXT_PADDING, y: z.rect.y + BOUND_TEXT_PADDING };
    label(z.id, z.label.text, z.label.block, z.label.fontSize, at, {
      textAlign: "left",
      verticalAlign: "top",
      strokeColor: ZONE_STROKE,
    });
  }
  for (const b of d.boxes) {
    const shape = b.shape === "ellipse" ? make.ellipse : make.rectangle;
    add(
      shape(b.rect, {
        id: b.id,
        backgroundColor: b.backgroundColor,
        strokeStyle: b.strokeStyle,
        groupIds: b.groupIds,
        customData: boxCustomData(d.templateId, b),
      }),
    );
    if (b.label)
      label(b.id, b.label.text, b.label.block, b.label.fontSize, centred(b.rect, b.label.block), {
        groupIds: b.groupIds,
      });
  }
  for (const a of d.arrows) {
    add(
      make.arrow(a.points, {
        id: a.id,
        strokeColor: a.look.strokeColor,
        strokeStyle: a.look.strokeStyle,
        startBinding: { elementId: a.fromId, focus: a.focus.start, gap: BINDING_GAP },
        endBinding: { elementId: a.toId, focus: a.focus.end, gap: BINDING_GAP },
        customData: arrowCustomData(d.templateId, a),
      }),
    );
    arrowBound(a.fromId, a.id);
    arrowBound(a.toId, a.id);
    label(a.id, a.label.text, a.label.block, a.label.fontSize, a.label.rect, { strokeColor: a.look.strokeColor });
  }
  for (const n of d.notes) {
    add(
      make.text(n.block.text, {
        id: n.id,
        fontSize: n.fontSize,
        at: n.rect,
        textAlign: "left",
        verticalAlign: "top",
        customData: noteCustomData(d.templateId),
      }),
    );
  }
  out.forEach((el, i) => {
    el["index"] = indexKey(i);
  });
  // Structurally Excalidraw 0.18 elements; its brands (points, indices, line height) are nominal only.
  return out as unknown as ExcalidrawElement[];
}

function centred(r: Rect, block: TextBlock): { x: number; y: number } {
  return { x: r.x + (r.width - block.width) / 2, y: r.y + (r.height - block.height) / 2 };
}
