import type { Box, DiagramModel } from "../model/types.ts";
import type { LintConfig, RuleHit, RuleMeta } from "../types.ts";
import { boxName, enabledFor } from "./naming.ts";

export const meta: RuleMeta = {
  id: "SD004",
  alias: "client-leftmost",
  title: "The client starts the flow on the left",
  category: "layout",
  defaultSeverity: "warn",
  heuristic: true,
  docs: "docs/rules/SD004.md",
};

/** Hand-drawn boards are not aligned to the pixel. */
const SLACK = 20;

/**
 * A client that is not the leftmost classified component. Compared within the client's
 * connected part of the graph: boards holding several designs side by side would
 * otherwise flag every client but the first.
 */
export function check(model: DiagramModel, _config: LintConfig): RuleHit[] {
  const classified = model.components.filter((b) => b.tier !== null);
  if (classified.length < 2) return [];
  const byComponent = new Map<number, Box[]>();
  for (const box of classified) {
    const c = model.componentOf(box);
    const list = byComponent.get(c);
    if (list) list.push(box);
    else byComponent.set(c, [box]);
  }
  const hits: RuleHit[] = [];
  for (const group of byComponent.values()) {
    const others = group.filter((b) => b.kind !== "client");
    if (others.length === 0) continue;
    let leftmost = others[0]!;
    for (const b of others) if (b.rect.x < leftmost.rect.x) leftmost = b;
    for (const client of group) {
      if (client.kind !== "client" || client.edges.length === 0) continue;
      if (client.rect.x <= leftmost.rect.x + SLACK || !enabledFor(model, meta, client.id)) continue;
      hits.push({
        message: `Client ${boxName(client)} is not the leftmost component (${boxName(leftmost)} is further left): start the flow with the user on the left`,
        elementIds: [client.id],
      });
    }
  }
  return hits;
}
