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
 * Six or more distinct heavyweight technologies named on the board. Points at the
 * boxes (or free texts) naming them.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const named = new Map<string, Set<string>>();
  const note = (tech: string, id: string): void => {
    const ids = named.get(tech);
    if (!ids) named.set(tech, new Set([id]));
    else ids.add(id);
  };
  const scan = (text: string, id: string): void => {
    HEAVYWEIGHT_RE.lastIndex = 0;
    for (let m = HEAVYWEIGHT_RE.exec(text); m; m = HEAVYWEIGHT_RE.exec(text)) {
      let group = 1;
      while (m[group] === undefined) group++;
      note(HEAVYWEIGHT[group - 1]![0], id);
    }
  };
  for (const text of model.texts) {
    scan(text.text, text.containerId ?? (text.labelOf?.kind === "box" ? text.labelOf.id : text.id));
  }
  for (const box of model.boxes) if (box.element.type === "frame" && box.label) scan(box.label, box.id);
  if (named.size < THRESHOLD) return [];
  const ids = [...new Set([...named.values()].flatMap((s) => [...s]))].filter((id) => enabledFor(model, meta, id));
  if (ids.length === 0) return [];
  return [
    {
      message: `${named.size} heavyweight technologies named (${[...named.keys()].join(", ")}): justify each, or start simpler`,
      elementIds: ids,
    },
  ];
}
