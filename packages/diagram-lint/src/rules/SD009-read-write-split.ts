import type { DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { edgeName, enabledFor, quote } from "./naming.ts";
import { mixesReadsAndWrites } from "./terms.ts";

/** Hoisted: a literal in the callback built a RegExp object per box. */
const REPLICA_RE = /\breplicas?\b/i;

export const meta: RuleMeta = {
  id: "SD009",
  alias: "read-write-split",
  title: "Reads and writes take separate arrows",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD009.md",
};

/**
 * Once a cache or read replica exists, reads and writes travel different paths; an
 * arrow labelled "reads/writes" hides exactly the difference the design is about.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hasReadPath = model.boxes.some((b) => b.kind === "cache" || REPLICA_RE.test(b.label));
  if (!hasReadPath) return [];
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    if (!edge.label || !mixesReadsAndWrites(edge.label) || !enabledFor(model, meta, edge.id)) continue;
    hits.push({
      message: `${edgeName(edge)} is labelled ${quote(edge.label)}: draw reads and writes as separate arrows (reads to the cache or replica, writes to the primary)`,
      elementIds: [edge.id],
    });
  }
  return hits;
}
