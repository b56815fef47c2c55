import { formatPerSecond } from "@archboard/estimates";
import type { Box, DiagramModel, Edge } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { isRequest, ratePerSecond, times } from "./rates.ts";
import { FAN_OUT_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD020",
  alias: "rate-conservation",
  title: "A component does not send more than it receives",
  category: "estimates",
  defaultSeverity: "info",
  heuristic: true,
  docs: "docs/rules/SD020.md",
};

/** One request in may become a call to each of a few stores; more than twice the input to one of them needs a reason. */
const LIMIT = 2;

/**
 * A component whose every incoming request arrow carries a rate, and one of whose
 * outgoing request arrows carries more than twice their sum, with no fan-out word
 * ("fan-out", "per follower", "×N", or self-driven traffic: "heartbeat", "every 10 s")
 * on that arrow or the component. Each outgoing arrow is judged alone: a request that
 * writes to a database, a cache and a queue sends three times what it receives, and
 * rightly so.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const box of model.components) {
    if (box.edges.length < 2 || FAN_OUT_RE.test(box.label) || !enabledFor(model, meta, box.id)) continue;
    const incoming = incomingRate(box);
    if (incoming === null) continue;
    let worst: { edge: Edge; rate: number } | null = null;
    for (const edge of box.edges) {
      if (edge.from !== box || !isRequest(edge) || FAN_OUT_RE.test(edge.label)) continue;
      const rate = ratePerSecond(edge);
      if (rate !== null && rate > LIMIT * incoming && (!worst || rate > worst.rate)) worst = { edge, rate };
    }
    if (!worst) continue;
    hits.push({
      message: `${boxName(box)} receives ${formatPerSecond(incoming)} but sends ${formatPerSecond(worst.rate)} to ${boxName(worst.edge.to!)} (${times(worst.rate / incoming)}): if each request fans out, say so on the arrow ("per follower", "×N"); otherwise one figure is off`,
      elementIds: [box.id],
    });
  }
  return hits;
}

/** The sum of the rates on every request arrow into the box; null if one of them has none (the sum would be a guess). */
function incomingRate(box: Box): number | null {
  let sum = 0,
    any = false;
  for (const edge of box.edges) {
    if (edge.to !== box || !isRequest(edge)) continue;
    const rate = ratePerSecond(edge);
    if (rate === null) return null;
    sum += rate;
    any = true;
  }
  return any && sum > 0 ? sum : null;
}
