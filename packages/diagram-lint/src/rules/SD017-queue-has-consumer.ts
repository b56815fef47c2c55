import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";
import { CONSUME_RE } from "./terms.ts";

export const meta: RuleMeta = {
  id: "SD017",
  alias: "queue-has-consumer",
  title: "Queues have consumers",
  category: "structure",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD017.md",
};

/**
 * A queue with incoming edges and nothing reading from it. Consumers are often drawn
 * pulling (an arrow from the worker into the queue labelled "poll" or "consume"), and
 * two-headed or headless arrows say nothing about direction: all of those count.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const queue of model.components) {
    if (queue.kind !== "queue" || queue.lineCount > 0) continue;
    const { incoming, consumed } = readers(queue);
    if (incoming === 0 || consumed || !enabledFor(model, meta, queue.id)) continue;
    hits.push({
      message: `Queue ${boxName(queue)} receives messages but nothing consumes them: add the worker that reads it`,
      elementIds: [queue.id],
    });
  }
  return hits;
}

function readers(queue: Box): { incoming: number; consumed: boolean } {
  let incoming = 0;
  for (const edge of queue.edges) {
    if (edge.heads === "both" || edge.heads === "none") return { incoming, consumed: true };
    if (edge.from === queue && edge.to !== queue) return { incoming, consumed: true };
    if (edge.to === queue) {
      if (CONSUME_RE.test(edge.label)) return { incoming, consumed: true };
      incoming++;
    }
  }
  return { incoming, consumed: false };
}
