/**
 * Where the canvas overlay puts its badges, and what each says. Pure geometry on
 * scene coordinates; the overlay component turns them into positioned elements.
 */
import type { Severity } from "@archboard/diagram-lint";
import { elementBounds } from "./elementBounds.ts";
import type { RuleGroup } from "./ruleGroups.ts";

/** One marked element: its worst finding's rule and where stepping would stand on it. */
export interface MarkerTarget {
  readonly elementId: string;
  readonly severity: Severity;
  /** The rule of the highest-priority group the element is in, and the step that shows it. */
  readonly ruleId: string;
  readonly index: number;
  /** One line per rule reporting the element, for the badge's tooltip. */
  readonly titles: readonly string[];
}

/** Marked elements by id. Groups come in priority order, so the first group to name an element wins. */
export function markerTargets(groups: readonly RuleGroup[]): Map<string, MarkerTarget> {
  const targets = new Map<string, MarkerTarget>();
  for (const g of groups) {
    g.elementIds.forEach((id) => {
      const index = Math.max(0, g.steps.findIndex((step) => step.includes(id)));
      const line = `${g.ruleId} · ${g.findings.find((f) => f.elementIds.includes(id))?.message ?? g.title}`;
      const seen = targets.get(id);
      if (seen) targets.set(id, { ...seen, titles: [...seen.titles, line] });
      else targets.set(id, { elementId: id, severity: g.severity, ruleId: g.ruleId, index, titles: [line] });
    });
  }
  return targets;
}

type Placeable = Parameters<typeof elementBounds>[0] & { readonly type: string };

/**
 * The badge's anchor in scene coordinates. Shapes and text get it at the top-right
 * corner, just outside, where no centred label sits; arrows a fifth of the way along
 * their path, above the line: clear of the label at the middle and the arrowhead.
 */
export function placeMarker(e: Placeable): { x: number; y: number; side: "corner" | "path" } {
  if (e.points && e.points.length >= 2) {
    const p = alongPath(e.points, 0.2);
    return { x: e.x + p[0], y: e.y + p[1], side: "path" };
  }
  const b = elementBounds(e);
  return { x: b.maxX, y: b.minY, side: "corner" };
}

function alongPath(points: readonly (readonly [number, number])[], t: number): readonly [number, number] {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const d = Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
    lengths.push(d);
    total += d;
  }
  let left = total * t;
  for (let i = 1; i < points.length; i++) {
    const d = lengths[i - 1]!;
    if (left <= d && d > 0) {
      const a = points[i - 1]!, b = points[i]!, k = left / d;
      return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k];
    }
    left -= d;
  }
  return points[points.length - 1]!;
}
