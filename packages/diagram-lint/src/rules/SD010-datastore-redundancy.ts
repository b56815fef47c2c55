import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { REDUNDANCY_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD010",
  alias: "datastore-redundancy",
  title: "The only database is not a single point of failure",
  category: "reliability",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD010.md",
};

/**
 * Exactly one database and no word anywhere on the board about replicas, a primary,
 * shards or a cluster: the interviewer will ask what happens when it dies.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // Tables drawn inside a database are its contents, not more databases.
  const dbs = model.components.filter((b) => b.kind === "db" && !b.isRecord);
  if (dbs.length !== 1) return [];
  const db = dbs[0]!;
  if (model.texts.some((t) => REDUNDANCY_RE.test(t.text))) return [];
  if (model.boxes.some((b) => REDUNDANCY_RE.test(b.label))) return [];
  if (!enabledFor(model, meta, db.id)) return [];
  return [
    {
      message: `${boxName(db)} is the only database and nothing says it is replicated: what happens when it fails?`,
      elementIds: [db.id],
    },
  ];
}
