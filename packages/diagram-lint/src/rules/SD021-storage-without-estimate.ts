import { figureOf } from "@archboard/estimates";
import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD021",
  alias: "storage-without-estimate",
  title: "Stores come with a storage figure",
  category: "estimates",
  defaultSeverity: "info",
  heuristic: false,
  docs: "docs/rules/SD021.md",
};

const STORES = new Set(["db", "storage"]);

/**
 * One finding for the scene, pointing at the databases and blob stores, when the board
 * has an estimate (some input filled in) that gives no storage figure, and no amount of
 * data is written on the board either ("5 GB/day", "~55 TB"). Without an estimate it
 * stays quiet: a board with no figure at all is SD007's, arrows without one SD008's.
 */
export function check(model: DiagramModel, config: LintConfig): RuleHit[] {
  const estimate = config.estimate;
  if (!estimate || Object.keys(estimate.inputs).length === 0) return [];
  if (figureOf(estimate, "storagePerDay") || figureOf(estimate, "storageRetained")) return [];
  const stores = model.components.filter((b) => b.kind !== null && STORES.has(b.kind) && enabledFor(model, meta, b.id));
  if (stores.length === 0) return [];
  // A payload per item ("2 MB/upload") sizes a request, not what is kept.
  if (model.numbers.some((n) => n.kind === "size" && !n.quantity?.perItem)) return [];
  const distinct = [...new Set(stores.map(boxName))];
  const names = distinct.slice(0, 3).join(", ") + (distinct.length > 3 ? ` and ${distinct.length - 3} more` : "");
  return [
    {
      message: `${names} ${distinct.length === 1 ? "keeps" : "keep"} data, but neither the board nor the estimate says how much: add the payload size per write to the estimate, or a figure such as “5 GB/day” or “~50 TB in 5 years”`,
      elementIds: stores.map((b) => b.id),
    },
  ];
}
