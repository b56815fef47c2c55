import { SNAP_DISTANCE, ZONE_SLACK } from "../model/edges.ts";
import { contains, intersectionArea } from "@archboard/scene";
import { lintRole } from "../model/lint-data.ts";
import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { NOTE_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD015",
  alias: "orphan-node",
  title: "Every component is connected",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD015.md",
};

/** Labels longer than this (or with more lines) are notes, not component names. */
const MAX_NAME_CHARS = 60;
const MAX_NAME_LINES = 3;
/** A first line of more words than this is a sentence: a note in a box. */
const MAX_NAME_WORDS = 6;

/**
 * A labelled component with no arrow or line touching it. Judged only for boxes whose
 * label names an architecture kind, and only on boards that use arrows at all: real
 * boards are full of wireframes, tables and notes in boxes that are not components.
 * A box counts as connected when an arrow stops just short of it, when it sits inside
 * a zone the arrows reach, when it is a card of a pool or a badge on a connected box,
 * or when a sequence diagram's lifeline hangs from it.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  let connected = 0;
  for (const e of model.edges) if (e.kind === "connection" && e.startBox && e.endBox && ++connected >= 2) break;
  if (connected < 2) return [];
  let reached: Set<Box> | null = null;
  const hits: RuleHit[] = [];
  for (const box of model.components) {
    if (!isCandidate(box) || !enabledFor(model, meta, box.id)) continue;
    reached ??= nearlyReached(model);
    if (reached.has(box) || isPartOfConnected(model, box)) continue;
    hits.push({
      message: `${capitalise(boxName(box))} is not connected to anything: draw the arrow that reaches it (who calls it, what it calls), or remove it`,
      elementIds: [box.id],
    });
  }
  return hits;
}

/** Boxes an arrow end stops just short of (within twice the snapping distance). */
function nearlyReached(model: DiagramModel): Set<Box> {
  const reach = 2 * SNAP_DISTANCE * model.scale;
  const set = new Set<Box>();
  for (const e of model.edges) {
    if (e.startNear && e.startNear.gap <= reach) set.add(e.startNear.box);
    if (e.endNear && e.endNear.gap <= reach) set.add(e.endNear.box);
  }
  return set;
}

/** Lines in `text`, counted without splitting it. */
function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

function isCandidate(box: Box): boolean {
  if (box.edges.length > 0 || box.lineCount > 0 || !box.label.trim() || box.isRecord) return false;
  if (box.kind === null || box.kind === "observability" || lintRole(box.element)) return false;
  if (box.label.length > MAX_NAME_CHARS || lineCount(box.label) > MAX_NAME_LINES) return false;
  const first = box.label.split("\n", 1)[0]!.trim();
  if (first.split(/\s+/).length > MAX_NAME_WORDS) return false;
  return !NOTE_RE.test(box.label);
}

/**
 * Connected through its surroundings: inside a zone that arrows reach; inside a zone
 * where nothing is connected (a wireframe, a notes panel); the title bar of a zone; a
 * card of a pool drawn beside a connected card of the same name; a badge on a
 * connected box; the participant heading a sequence diagram's lifeline.
 */
function isPartOfConnected(model: DiagramModel, box: Box): boolean {
  const r = box.rect;
  let zone: Box | null = null;
  for (const other of model.boxesTouching({
    x: r.x - r.width,
    y: r.y - r.height,
    width: 3 * r.width,
    height: 3 * r.height,
  })) {
    if (other === box) continue;
    if (other.isZone) {
      if (contains(other.rect, r, ZONE_SLACK) && (!zone || other.area < zone.area)) zone = other;
      continue;
    }
    if (other.edges.length === 0 && other.lineCount === 0) continue;
    if (intersectionArea(other.rect, r) > 0) return true;
    if (sameName(other, box)) return true;
  }
  if (zone && (zone.edges.length > 0 || isTitleBar(box, zone) || !holdsConnected(model, zone))) return true;
  for (const l of model.lifelines) {
    if (l.x >= r.x && l.x <= r.x + r.width && l.top >= r.y + r.height - 4 && l.top <= r.y + r.height + 40 * model.scale)
      return true;
  }
  return false;
}

function sameName(a: Box, b: Box): boolean {
  return a.label.replace(/\s+/g, " ").trim().toLowerCase() === b.label.replace(/\s+/g, " ").trim().toLowerCase();
}

/** A wide, low box across the top of its zone: the zone's heading, not a component. */
function isTitleBar(box: Box, zone: Box): boolean {
  return (
    box.rect.width >= 0.6 * zone.rect.width &&
    box.rect.y - zone.rect.y <= 0.25 * zone.rect.height &&
    box.rect.height <= 0.5 * zone.rect.height
  );
}

/** Some box inside the zone takes part in the flow. */
function holdsConnected(model: DiagramModel, zone: Box): boolean {
  for (const b of model.boxesTouching(zone.rect)) {
    if (b !== zone && (b.edges.length > 0 || b.lineCount > 0) && contains(zone.rect, b.rect, ZONE_SLACK)) return true;
  }
  return false;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
