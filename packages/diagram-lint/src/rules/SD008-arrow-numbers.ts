import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD008",
  alias: "arrow-numbers",
  title: "Request arrows carry numbers",
  category: "estimates",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD008.md",
};

/**
 * One scene-level finding, "k of n request edges carry no number", pointing at the
 * unnumbered arrows; never one finding per arrow, which would drown the panel.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // Requests are counted, only the bare ones listed.
  const bare: string[] = [];
  let n = 0;
  for (const e of model.edges) {
    if (!e.from || !e.to || e.kind !== "connection" || e.role !== "request") continue;
    if (e.from.isRecord && e.to.isRecord) continue;
    if (!enabledFor(model, meta, e.id)) continue;
    n++;
    if (e.numbers.length === 0) bare.push(e.id);
  }
  if (n < 2 || bare.length === 0) return [];
  const k = bare.length;
  return [
    {
      message: `${k} of ${n} request edge${n === 1 ? "" : "s"} carry no number: add a rate or size (e.g. “2k QPS”, “2 MB/upload”)`,
      elementIds: bare,
    },
  ];
}
