import { kindFromLabel } from "../model/kinds.ts";
import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";

export const meta: RuleMeta = {
  id: "SD005",
  alias: "has-client",
  title: "The diagram shows who calls the system",
  category: "structure",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD005.md",
};

/** A label that mentions the client side even when its head noun is something else ("Browser Search", "Web UI"). */
const CLIENT_WORD_RE =
  /\b(?:browsers?|web\s*ui|ui|web\s*app|webapp|mobile\s*app|frontend|front[\s-]end|ios|android|clients?)\b/i;

/**
 * No client or user anywhere. A short free caption such as "User" under a stick figure
 * or an image counts: people draw users as icons more often than as boxes.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // Counted, not collected: only "at least two" matters.
  let classified = 0;
  for (const b of model.components) if (b.kind !== null && ++classified >= 2) break;
  if (classified < 2) return [];
  if (model.boxes.some((b) => b.kind === "client" || b.isPerson || CLIENT_WORD_RE.test(b.label))) return [];
  const captioned = model.texts.some(
    (t) => !t.labelOf && !t.containerId && t.text.length <= 30 && kindFromLabel(t.text) === "client",
  );
  if (captioned) return [];
  return [{ message: "No client or user in the diagram: start with who sends the requests", elementIds: [] }];
}
