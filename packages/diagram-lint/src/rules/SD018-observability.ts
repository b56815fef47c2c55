import { mentionsObservability } from "../model/kinds.ts";
import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";

export const meta: RuleMeta = {
  id: "SD018",
  alias: "observability",
  title: "Observability appears somewhere",
  category: "reliability",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD018.md",
};

/** Monitoring products named by more than one word, which the kind keywords do not cover. */
const PRODUCTS_RE =
  /\b(?:app(?:lication)?\s+insights|new\s+relic|sentry|splunk|stackdriver|dynatrace|elk\s+stack|honeycomb)\b/i;

/**
 * Six or more components and no metrics, logs, tracing or alerting anywhere on the
 * board. Box labels are texts too, so the texts are read (each distinct one once), plus
 * the names of frames, which are not texts.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  if (model.components.length < 6) return [];
  for (const b of model.boxes) {
    if (b.kind === "observability" || (b.labelSource === "bound" && !b.boundTextId && mentionsObservability(b.label)))
      return [];
  }
  const seen = new Set<string>();
  for (const t of model.texts) {
    if (seen.has(t.text)) continue;
    seen.add(t.text);
    if (mentionsObservability(t.text) || PRODUCTS_RE.test(t.text)) return [];
  }
  return [
    {
      message: "No metrics, logs, tracing or alerting on the board: how would you know it is broken?",
      elementIds: [],
    },
  ];
}
