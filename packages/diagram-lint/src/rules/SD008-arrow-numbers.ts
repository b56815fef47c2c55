import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { enabledFor } from "./naming.ts";
import { RESPONSE_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD008", alias: "arrow-numbers", title: "Request arrows carry numbers",
  category: "estimates", defaultSeverity: "info", heuristic: true, docs: "docs/rules/SD008.md",
};

/**
 * One scene-level finding, "k of n request edges carry no number", pointing at the
 * unnumbered arrows; never one finding per arrow, which would drown the panel.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const requests = model.edges.filter(
    (e) => e.from && e.to && !RESPONSE_RE.test(e.label) && enabledFor(model, meta, e.id),
  );
  const bare = requests.filter((e) => e.numbers.length === 0);
  if (requests.length < 2 || bare.length === 0) return [];
  const n = requests.length, k = bare.length;
  return [{
    message: `${k} of ${n} request edge${n === 1 ? "" : "s"} carry no number: add a rate or size (e.g. “2k QPS”, “2 MB/upload”)`,
    elementIds: bare.map((e) => e.id),
  }];
}
