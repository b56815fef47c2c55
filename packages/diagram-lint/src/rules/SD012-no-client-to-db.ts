import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { PRESIGNED_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD012",
  alias: "no-client-to-db",
  title: "Clients do not talk to datastores directly",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD012.md",
};

const STORES = new Set(["db", "cache", "storage"]);
/** Hoisted: a literal inside the loop's callback built a RegExp object per text. */
const PRESIGNED_TEXT_RE = /\b(?:pre[\s-]?signed|signed[\s-]?urls?)\b/i;

/**
 * An edge joining a client to a database, cache or storage, either way. Presigned
 * uploads and downloads straight to object storage are a standard pattern: exempt
 * when the label says so.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  // A board that talks about presigned URLs anywhere is drawing that pattern. Only asked
  // once a client–storage edge turns up: it is a scan of every text.
  let presignedBoard: boolean | undefined;
  const hits: RuleHit[] = [];
  for (const edge of model.edges) {
    const a = edge.startBox,
      b = edge.endBox;
    if (!a || !b) continue;
    // Which end is the client, without a [client, store] pair per edge.
    const clientFirst = isClientToStore(a, b);
    if (!clientFirst && !isClientToStore(b, a)) continue;
    const client = clientFirst ? a : b,
      store = clientFirst ? b : a;
    if (!enabledFor(model, meta, edge.id)) continue;
    if (store.kind === "storage") {
      presignedBoard ??= model.texts.some((t) => PRESIGNED_TEXT_RE.test(t.text));
      if (presignedBoard || PRESIGNED_RE.test(edge.label)) continue;
    }
    hits.push({
      message: `Client ${boxName(client)} talks directly to ${boxName(store)}: put a service in between (auth, validation, schema changes)`,
      elementIds: [edge.id],
    });
  }
  return hits;
}

function isClientToStore(client: Box, store: Box): boolean {
  return client.kind === "client" && !!store.kind && STORES.has(store.kind);
}
