import { distanceToRectXY, type Rect } from "@archboard/scene";
import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { enabledFor } from "./naming.ts";
import { HEAVYWEIGHT, HEAVYWEIGHT_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD016",
  alias: "keep-it-simple",
  title: "The first design stays simple",
  category: "simplicity",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD016.md",
};

const THRESHOLD = 6;

/**
 * Six or more distinct heavyweight technologies named in one design. Points at the
 * boxes (or free texts) naming them. A canvas holding several designs side by side is
 * judged design by design: texts count for the design of the box they label, or of the
 * nearest box.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const byRegion = new Map<number, Map<string, Set<string>>>();
  const note = (region: number, tech: string, id: string): void => {
    let named = byRegion.get(region);
    if (!named) byRegion.set(region, (named = new Map<string, Set<string>>()));
    const ids = named.get(tech);
    if (!ids) named.set(tech, new Set([id]));
    else ids.add(id);
  };
  // Most texts name no technology: a text is scanned once, and skipped when it recurs without a match.
  const plain = new Set<string>();
  const scan = (text: string, id: string, region: number): void => {
    if (plain.has(text)) return;
    let matched = false;
    HEAVYWEIGHT_RE.lastIndex = 0;
    for (let m = HEAVYWEIGHT_RE.exec(text); m; m = HEAVYWEIGHT_RE.exec(text)) {
      let group = 1;
      while (m[group] === undefined) group++;
      note(region, HEAVYWEIGHT[group - 1]![0], id);
      matched = true;
    }
    if (!matched) plain.add(text);
  };
  for (const text of model.texts) {
    const owner = text.containerId ?? (text.labelOf?.kind === "box" ? text.labelOf.id : text.id);
    scan(text.text, owner, regionOf(model, text.rect));
  }
  for (const box of model.boxes) if (box.type === "frame" && box.label) scan(box.label, box.id, box.region);
  const hits: RuleHit[] = [];
  for (const named of byRegion.values()) {
    if (named.size < THRESHOLD) continue;
    const ids = [...new Set([...named.values()].flatMap((s) => [...s]))].filter((id) => enabledFor(model, meta, id));
    if (ids.length === 0) continue;
    hits.push({
      message: `${named.size} heavyweight technologies named in one design (${[...named.keys()].join(", ")}): justify each in a word on the board, or start with fewer`,
      elementIds: ids,
    });
  }
  return hits;
}

/** The design a text belongs to: that of the nearest box (one design when the canvas holds one). */
function regionOf(model: DiagramModel, r: Rect): number {
  if (model.regionCount <= 1) return 0;
  let best = -1,
    bestD = Infinity;
  for (let reach = 200; best === -1 && reach <= 3200; reach *= 2) {
    for (const b of model.boxesTouching({
      x: r.x - reach,
      y: r.y - reach,
      width: r.width + 2 * reach,
      height: r.height + 2 * reach,
    })) {
      const d = distanceToRectXY(r.x + r.width / 2, r.y + r.height / 2, b.rect);
      if (d < bestD) {
        bestD = d;
        best = b.region;
      }
    }
  }
  return Math.max(best, 0);
}
