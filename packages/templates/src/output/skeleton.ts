/**
 * Laid-out diagram → Excalidraw element skeletons, for `convertToExcalidrawElements`.
 * That function measures text with the real font, wraps labels, binds arrows to the
 * boxes named in `start`/`end` (both sides: `startBinding` and the box's
 * `boundElements`), and with `regenerateIds: true` gives every element a fresh id, so
 * the same template can be inserted twice. `customData` is carried through as given.
 */
import type { ExcalidrawElementSkeleton } from "@excalidraw/excalidraw/data/transform";
import { DEFAULT_FONT_FAMILY as FONT_FAMILY, INK } from "@archboard/scene";
import { layout } from "../layout/layout.ts";
import type { LaidOutDiagram, LayoutOptions, PlacedArrow, PlacedBox, PlacedNote, PlacedZone } from "../layout/types.ts";
import type { Template } from "../schema.ts";
import { arrowCustomData, boxCustomData, noteCustomData, ZONE_STROKE, zoneCustomData } from "./custom-data.ts";

/**
 * A point relative to its element. Excalidraw's own `LocalPoint` brand comes from a
 * package it does not publish, so its type does not resolve; at run time it is this tuple.
 */
type LocalPoint = [x: number, y: number];

function localPoint(x: number, y: number): LocalPoint {
  return [x, y];
}

/**
 * A template as Excalidraw element skeletons, laid out at `options.origin`. Pass the
 * result to `convertToExcalidrawElements(skeletons, { regenerateIds: true })`.
 */
export function layoutTemplate(template: Template, options: LayoutOptions = {}): ExcalidrawElementSkeleton[] {
  return toSkeletons(layout(template, options));
}

/** Skeletons for an already laid-out diagram: zones first (drawn underneath), then boxes, arrows, notes. */
export function toSkeletons(d: LaidOutDiagram): ExcalidrawElementSkeleton[] {
  return [
    ...d.zones.map((z) => zoneSkeleton(z, d.templateId)),
    ...d.boxes.map((b) => boxSkeleton(b, d.templateId)),
    ...d.arrows.map((a) => arrowSkeleton(a, d.templateId)),
    ...d.notes.map((n) => noteSkeleton(n, d.templateId)),
  ];
}

function zoneSkeleton(z: PlacedZone, templateId: string): ExcalidrawElementSkeleton {
  return {
    type: "rectangle",
    id: z.id,
    x: z.rect.x,
    y: z.rect.y,
    width: z.rect.width,
    height: z.rect.height,
    strokeColor: ZONE_STROKE,
    backgroundColor: "transparent",
    strokeStyle: "dashed",
    strokeWidth: 1,
    // Square corners: Excalidraw puts a top-left label 5 px inside the outline, where a rounded corner would cross it.
    roundness: null,
    customData: zoneCustomData(templateId, z.key),
    label: {
      text: z.label.text,
      fontSize: z.label.fontSize,
      fontFamily: FONT_FAMILY,
      textAlign: "left",
      verticalAlign: "top",
      strokeColor: ZONE_STROKE,
    },
  };
}

function boxSkeleton(b: PlacedBox, templateId: string): ExcalidrawElementSkeleton {
  return {
    type: b.shape,
    id: b.id,
    x: b.rect.x,
    y: b.rect.y,
    width: b.rect.width,
    height: b.rect.height,
    strokeColor: INK,
    backgroundColor: b.backgroundColor,
    fillStyle: "solid",
    strokeStyle: b.strokeStyle,
    roundness: b.shape === "rectangle" ? { type: 3 } : null,
    groupIds: [...b.groupIds],
    customData: boxCustomData(templateId, b),
    ...(b.label
      ? {
          label: { text: b.label.text, fontSize: b.label.fontSize, fontFamily: FONT_FAMILY, groupIds: [...b.groupIds] },
        }
      : {}),
  };
}

function arrowSkeleton(a: PlacedArrow, templateId: string): ExcalidrawElementSkeleton {
  const [first] = a.points;
  const origin = first ?? { x: 0, y: 0 };
  return {
    type: "arrow",
    id: a.id,
    x: origin.x,
    y: origin.y,
    points: a.points.map((p) => localPoint(p.x - origin.x, p.y - origin.y)),
    strokeColor: a.look.strokeColor,
    strokeStyle: a.look.strokeStyle,
    roundness: { type: 2 },
    endArrowhead: "arrow",
    startArrowhead: null,
    start: { id: a.fromId },
    end: { id: a.toId },
    customData: arrowCustomData(templateId, a),
    label: { text: a.label.text, fontSize: a.label.fontSize, fontFamily: FONT_FAMILY, strokeColor: a.look.strokeColor },
  };
}

function noteSkeleton(n: PlacedNote, templateId: string): ExcalidrawElementSkeleton {
  return {
    type: "text",
    id: n.id,
    x: n.rect.x,
    y: n.rect.y,
    text: n.block.text,
    fontSize: n.fontSize,
    fontFamily: FONT_FAMILY,
    textAlign: "left",
    strokeColor: INK,
    customData: noteCustomData(templateId),
  };
}
