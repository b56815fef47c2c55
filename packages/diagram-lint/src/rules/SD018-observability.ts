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
const PRODUCTS_RE = /\b(?:app(?:lication)?\s+insights|new\s+relic|sentry|splunk|stackdriver|dynatrace|elk\s+stack|honeycomb)\b/i;

/** Six or more components and no metrics, logs, tracing or alerting anywhere on the board. */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  if (model.components.length < 6) return [];
  if (model.boxes.some((b) => b.kind === "observability" || mentionsObservability(b.label))) return [];
  if (model.texts.some((t) => mentionsObservability(t.text) || PRODUCTS_RE.test(t.text))) return [];
  return [{
    message: "No metrics, logs, tracing or alerting on the board: how would you know it is broken?",
    elementIds: [],
  }];
}
