/**
 * What templates write into `customData`, the same for both outputs. `kind` is read by
 * the linter in place of guessing from the label; `lint.role` tells it a shape is a
 * note, a zone or part of a lifeline; `template` lets the app find what a template drew.
 */
import type { PlacedArrow, PlacedBox } from "../layout/types.ts";

/** Zones are drawn light so they read as background. */
export const ZONE_STROKE = "#868e96";

/** Where an element came from: template id and the template's own key for it. */
export interface TemplateOrigin {
  readonly id: string;
  readonly key: string;
}

export function boxCustomData(templateId: string, b: PlacedBox): Record<string, unknown> {
  return {
    kind: b.kind,
    template: { id: templateId, key: b.key } satisfies TemplateOrigin,
    ...(b.role ? { lint: { role: b.role } } : {}),
  };
}

export function arrowCustomData(templateId: string, a: PlacedArrow): Record<string, unknown> {
  return { template: { id: templateId, key: a.key } satisfies TemplateOrigin, flow: a.style };
}

export function zoneCustomData(templateId: string, key: string): Record<string, unknown> {
  return { template: { id: templateId, key } satisfies TemplateOrigin, lint: { role: "zone" } };
}

export function noteCustomData(templateId: string): Record<string, unknown> {
  return { template: { id: templateId, key: "note" } satisfies TemplateOrigin, lint: { role: "note" } };
}
