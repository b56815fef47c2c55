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
      const index = Math.max(
        0,
        g.steps.findIndex((step) => step.includes(id)),
      );
      const line = `${g.ruleId} · ${g.findings.find((f) => f.elementIds.includes(id))?.message ?? g.title}`;
      const seen = targets.get(id);
      if (seen) targets.set(id, { ...seen, titles: [...seen.titles, line] });
      else targets.set(id, { elementId: id, severity: g.severity, ruleId: g.ruleId, index, titles: [line] });
    });
  }
  return targets;
}

type Placeable = Parameters<typeof elementBounds>[0] & { readonly type: string };

/** Where a badge goes: an anchor in scene coordinates and the direction to push it off it. */
export interface MarkerPlace {
  readonly x: number;
  readonly y: number;
  /** Unit vector the badge is moved along (a fixed number of screen pixels) to clear the anchor. */
  readonly away: { readonly x: number; readonly y: number };
}

/**
 * The badge's place. Shapes and text get it at the top-right corner, pushed out
 * diagonally, where no centred label sits; arrows a fifth of the way along their path,
 * pushed off the line to its upper (or, on a vertical stretch, right) side: clear of
 * the label at the middle, the arrowhead and the line itself.
 */
export function placeMarker(e: Placeable): MarkerPlace {
  if (e.points && e.points.length >= 2) {
    const { at, dir } = alongPath(e.points, 0.2);
    // The normal of the path there, turned to point up (or right when the path is vertical).
    let nx = -dir[1];
    let ny = dir[0];
    if (ny > 0 || (ny === 0 && nx < 0)) {
      nx = -nx;
      ny = -ny;
    }
    if (Math.abs(ny) < 0.35) {
      nx = Math.abs(nx);
      ny = 0;
    }
    const len = Math.hypot(nx, ny) || 1;
    return { x: e.x + at[0], y: e.y + at[1], away: { x: nx / len || 0, y: ny / len || 0 } };
  }
  const b = elementBounds(e);
  return { x: b.maxX, y: b.minY, away: { x: Math.SQRT1_2, y: -Math.SQRT1_2 } };
}

/** The point a fraction `t` along a polyline, and the unit direction of the segment it is on. */
function alongPath(
  points: readonly (readonly [number, number])[],
  t: number,
): { at: readonly [number, number]; dir: readonly [number, number] } {
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
      const a = points[i - 1]!,
        b = points[i]!,
        k = left / d;
      return { at: [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k], dir: [(b[0] - a[0]) / d, (b[1] - a[1]) / d] };
    }
    left -= d;
  }
  return { at: points[points.length - 1]!, dir: [1, 0] };
}
