import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";

export const meta: RuleMeta = {
  id: "SD007",
  alias: "estimates-present",
  title: "The board carries some numbers",
  category: "estimates",
  defaultSeverity: "warn",
  heuristic: false,
  docs: "docs/rules/SD007.md",
};

/** No figure with a unit (QPS, size, latency, bandwidth, users) anywhere, with ≥ 3 boxes. */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  if (model.components.length < 3 || model.numbers.length > 0) return [];
  return [
    {
      message: "No estimates on the board: add QPS, data sizes or latency targets (e.g. “12k QPS”, “5 GB/day”)",
      elementIds: [],
    },
  ];
}
