import { intersectionArea, type Rect } from "@archboard/scene";
import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD014",
  alias: "no-overlap",
  title: "Components do not overlap",
  category: "layout",
  defaultSeverity: "warn",
  heuristic: false,
  docs: "docs/rules/SD014.md",
};

/** Overlaps smaller than this share of the smaller box are touching borders. */
const MIN_SHARE = 0.05;
/** One box covering this share of the other is a deliberate stack (e.g. "×3" servers). */
const STACK_SHARE = 0.9;
/** A box this much smaller than the other, straddling its border, is a badge on it (a cache on a service's corner). */
const BADGE_RATIO = 0.35;

/**
 * Two labelled component boxes overlapping, neither covering ≥ 90 % of the other. Zones,
 * rotated shapes and shapes sharing a group (a drawn cylinder) are skipped; ellipses
 * and diamonds are measured by their inner rectangle so their empty corners don't count.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  // The model's grid finds each box's neighbours by outline; inner rectangles are only
  // worked out for the few pairs whose outlines touch.
  for (const a of model.components) {
    if (!isJudged(a)) continue;
    const ra = innerRect(a);
    for (const b of model.boxesTouching(ra)) {
      if (b.index <= a.index || b.isZone || b.partOf || !isJudged(b) || sharesGroup(a, b)) continue;
      const rb = innerRect(b);
      const overlap = intersectionArea(ra, rb);
      const smaller = Math.min(ra.width * ra.height, rb.width * rb.height);
      if (smaller <= 0 || overlap < MIN_SHARE * smaller || overlap >= STACK_SHARE * smaller) continue;
      if (smaller <= BADGE_RATIO * Math.max(ra.width * ra.height, rb.width * rb.height) && overlap < 0.5 * smaller)
        continue;
      if (!enabledFor(model, meta, a.id) || !enabledFor(model, meta, b.id)) continue;
      hits.push({
        message: `${capitalise(boxName(a))} and ${boxName(b)} overlap: move them apart so both stay readable`,
        elementIds: [a.id, b.id],
      });
    }
  }
  return hits;
}

function isJudged(box: Box): boolean {
  return !box.rotated && (box.label.trim() !== "" || box.hasImage);
}

function innerRect(box: Box): Rect {
  const k = box.type === "ellipse" ? Math.SQRT1_2 : box.type === "diamond" ? 0.5 : 1;
  // A rectangle is its own inner rectangle: no copy.
  if (k === 1) return box.rect;
  const { x, y, width: w, height: h } = box.rect;
  return { x: x + (w * (1 - k)) / 2, y: y + (h * (1 - k)) / 2, width: w * k, height: h * k };
}

function sharesGroup(a: Box, b: Box): boolean {
  const ga = a.element.groupIds ?? [];
  return ga.length > 0 && (b.element.groupIds ?? []).some((g) => ga.includes(g));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
