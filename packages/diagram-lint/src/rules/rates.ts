/**
 * Request rates written on arrows, per second, for the rules that add them up or hold
 * them against the estimate (SD019, SD020).
 */
import type { Edge } from "../model/types.ts";

/** The sum of the rate figures on an arrow, per second; null when it carries none. */
export function ratePerSecond(edge: Edge): number | null {
  let sum: number | null = null;
  // Indexed: figure lists come in several array kinds (a shared frozen empty one among
  // them), and `for…of` over them allocated an iterator result per figure.
  for (let i = 0; i < edge.numbers.length; i++) {
    const n = edge.numbers[i]!,
      q = n.quantity;
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
 * A request going one way between two boxes: both ends known, one arrowhead, a
 * connection (not a sequence-diagram message or an annotation), and read as a request
 * rather than a reply or a push (see `Edge.role`).
 */
export function isRequest(edge: Edge): boolean {
  if (!edge.from || !edge.to || edge.from === edge.to || edge.kind !== "connection") return false;
  if (edge.heads !== "forward" && edge.heads !== "reverse") return false;
  return edge.role === "request";
}

/** "4.2×" for a message. */
export function times(ratio: number): string {
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}
