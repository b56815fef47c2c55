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

/**
 * A labelled component with no arrow or line touching it. Judged only for boxes whose
 * label names an architecture kind, and only on boards that use arrows at all: real
 * boards are full of wireframes, tables and notes in boxes that are not components.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  let connected = 0;
  for (const e of model.edges) if (e.startBox && e.endBox && ++connected >= 2) break;
  if (connected < 2) return [];
  const hits: RuleHit[] = [];
  for (const box of model.components) {
    if (!isCandidate(box) || !enabledFor(model, meta, box.id)) continue;
    hits.push({
      message: `${boxName(box)} is not connected to anything: draw how requests reach it, or remove it`,
      elementIds: [box.id],
    });
  }
  return hits;
}

/** Lines in `text`, counted without splitting it. */
function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

function isCandidate(box: Box): boolean {
  if (box.edges.length > 0 || box.lineCount > 0 || !box.label.trim()) return false;
  if (box.kind === null || box.kind === "observability" || lintRole(box.element)) return false;
  if (box.label.length > MAX_NAME_CHARS || lineCount(box.label) > MAX_NAME_LINES) return false;
  return !NOTE_RE.test(box.label);
}
