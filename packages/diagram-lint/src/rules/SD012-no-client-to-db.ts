import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { PRESIGNED_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD012", alias: "no-client-to-db", title: "Clients do not talk to datastores directly",
  category: "structure", defaultSeverity: "warn", heuristic: true, docs: "docs/rules/SD012.md",
};

const STORES = new Set(["db", "cache", "storage"]);

/**
 * An edge joining a client to a database, cache or storage, either way. Presigned
 * uploads and downloads straight to object storage are a standard pattern: exempt
 * when the label says so.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // A board that talks about presigned URLs anywhere is drawing that pattern.
  const presignedBoard = model.texts.some((t) => /\b(?:pre[\s-]?signed|signed[\s-]?urls?)\b/i.test(t.text));
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    const a = edge.startBox, b = edge.endBox;
    if (!a || !b) continue;
    const [client, store] = pair(a, b);
    if (!client || !store || !enabledFor(model, meta, edge.id)) continue;
    if (store.kind === "storage" && (presignedBoard || PRESIGNED_RE.test(edge.label))) continue;
    hits.push({
      message: `Client ${boxName(client)} talks directly to ${boxName(store)}: put a service in between (auth, validation, schema changes)`,
      elementIds: [edge.id],
    });
  }
  return hits;
}

function pair(a: Box, b: Box): [Box | null, Box | null] {
  if (a.kind === "client" && b.kind && STORES.has(b.kind)) return [a, b];
  if (b.kind === "client" && a.kind && STORES.has(a.kind)) return [b, a];
  return [null, null];
}
