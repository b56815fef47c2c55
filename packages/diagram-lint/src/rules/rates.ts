/**
 * Request rates written on arrows, per second, for the rules that add them up or hold
 * them against the estimate (SD019, SD020).
 */
import type { Edge } from "../model/types.ts";
import { RESPONSE_RE } from "./terms.ts";

/** The sum of the rate figures on an arrow, per second; null when it carries none. */
export function ratePerSecond(edge: Edge): number | null {
  let sum: number | null = null;
  for (const n of edge.numbers) {
    const q = n.quantity;
    if (n.kind !== "rate" || !q || q.perSeconds === undefined) continue;
    sum = (sum ?? 0) + q.value / q.perSeconds;
  }
  return sum;
}

/** The rate figures on an arrow as written, for messages: "12k QPS". */
export function rateText(edge: Edge): string {
  return edge.numbers
    .filter((n) => n.kind === "rate")
    .map((n) => n.text)
    .join(" + ");
}

/**
 * A request going one way between two boxes: both ends known, one arrowhead, and not
 * labelled as a response.
 */
export function isRequest(edge: Edge, replies: Map<string, boolean>): boolean {
  if (!edge.from || !edge.to || edge.from === edge.to) return false;
  if (edge.heads !== "forward" && edge.heads !== "reverse") return false;
  let reply = replies.get(edge.label);
  if (reply === undefined) replies.set(edge.label, (reply = RESPONSE_RE.test(edge.label)));
  return !reply;
}

/** "4.2×" for a message. */
export function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}
