import type { SpatialGrid } from "./spatial-grid.ts";
import { addFreeLabel } from "./labels.ts";
import type { Box, TextItem } from "./types.ts";

/** A caption sits this close (px, at 20 px type) above or below its shape. */
const CAPTION_GAP = 16;
/** Beside a bar or an icon, a caption may sit this many of its own line heights away. */
const SIDE_GAP_LINES = 3;

/**
 * Last pass for text still unclaimed: a caption right above or below a box that has no
 * other label (people label cylinders and icons this way), or beside a tall bar or a
 * small icon. Gaps grow with the text's size and the board's scale. Captions are never
 * offered for binding: they name the shape from outside on purpose.
 */
export function claimCaptions(
  texts: readonly TextItem[],
  boxes: readonly Box[],
  boxGrid: SpatialGrid<Box>,
  scale: number,
): void {
  // Most boards name every box: then no text is a caption and nothing needs measuring.
  if (texts.length === 0 || !boxes.some((b) => !b.isZone && !b.partOf && !b.label && !b.boundTextId && !b.hasImage))
    return;
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const t of texts) {
    if (t.containerId || t.labelOf) continue;
    const r = t.rect;
    const f = Math.max(scale, Math.min(4, t.fontSize / 20));
    const gapMax = Math.max(CAPTION_GAP * f, 1.2 * lineHeight(t));
    const side = SIDE_GAP_LINES * lineHeight(t);
    probe.x = r.x - side;
    probe.y = r.y - gapMax;
    probe.width = r.width + 2 * side;
    probe.height = r.height + 2 * gapMax;
    let best: Box | null = null;
    for (const box of boxGrid.query(probe)) {
      if (box.isZone || box.label || box.boundTextId || box.freeLabelIds.length > 0 || box.hasImage) continue;
      if (!isAboveOrBelow(r, box, gapMax) && !isBeside(r, box, side)) continue;
      if (!best || box.area < best.area) best = box;
    }
    if (best) {
      const box: Box = best;
      t.labelOf = { kind: "box", id: box.id, how: "caption" };
      addFreeLabel(box, t.id);
      box.label = t.text;
      box.labelSource = "free";
    }
  }
}

/** The height of one line of the text. */
function lineHeight(t: TextItem): number {
  let lines = 1;
  for (let i = t.text.indexOf("\n"); i !== -1; i = t.text.indexOf("\n", i + 1)) lines++;
  return t.rect.height / lines;
}

function isAboveOrBelow(r: TextItem["rect"], box: Box, gapMax: number): boolean {
  const b = box.rect;
  const overlap = Math.min(r.x + r.width, b.x + b.width) - Math.max(r.x, b.x);
  if (overlap < 0.5 * Math.min(r.width, b.width)) return false;
  const gap = Math.max(b.y - (r.y + r.height), r.y - (b.y + b.height));
  return gap >= -4 && gap <= gapMax;
}

/** Beside a tall bar (a bus, a stream) or a small icon, level with its middle. */
function isBeside(r: TextItem["rect"], box: Box, side: number): boolean {
  const b = box.rect;
  if (b.height < 2 * b.width && Math.max(b.width, b.height) > 80) return false;
  const cy = r.y + r.height / 2;
  if (cy < b.y || cy > b.y + b.height) return false;
  const gap = Math.max(b.x - (r.x + r.width), r.x - (b.x + b.width));
  return gap >= -4 && gap <= side;
}
