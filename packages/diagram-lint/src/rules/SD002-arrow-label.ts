import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { edgeName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD002",
  alias: "arrow-label",
  title: "Every arrow says what travels on it",
  category: "labels",
  defaultSeverity: "warn",
  heuristic: false,
  docs: "docs/rules/SD002.md",
};

/** Text of the label the fix adds: a prompt to replace, not a guess. */
export const PLACEHOLDER_LABEL = "what travels here?";

/**
 * An edge between two boxes with no label (bound, or free text near its midpoint).
 * Arrows with a loose end are SD003's business: they are often pointers from notes.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    if (edge.label || !edge.startBox || !edge.endBox || edge.kind === "annotation") continue;
    // Pointers between two records (a linked list, parent/child rows) are data, not traffic.
    if (edge.startBox.isRecord && edge.endBox.isRecord) continue;
    if (!enabledFor(model, meta, edge.id)) continue;
    hits.push({
      message: `${edgeName(edge)} has no label: say what travels on it (e.g. “GET /feed”, “order events”)`,
      elementIds: [edge.id],
      suggestions: [
        {
          title: "Add a placeholder label",
          fix: { kind: "add-arrow-label", arrowId: edge.id, text: PLACEHOLDER_LABEL },
        },
      ],
    });
  }
  return hits;
}
