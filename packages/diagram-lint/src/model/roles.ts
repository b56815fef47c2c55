import type { Edge } from "./types.ts";

/**
 * Which way an arrow's traffic goes: a request, a reply, or a push. Rules about the
 * direction of requests (SD006) and their figures (SD008) judge requests only.
 */

/** Labels that mark an arrow as a reply: response words, or an HTTP status ("302 redirect", "429"). */
export const REPLY_RE =
  /\b(?:responses?|reply|replies|ack|acks|acknowledge\w*|callbacks?|returns?|returned|results?|resp|res|ok|redirect(?:s|ed)?)\b|\b(?:20[0-6]|30[1-8]|4\d\d|5\d\d)\b(?!\s*(?:k\b|m\b|qps|rps|tps|ms\b|\/|per\b|req|[kmgt]?b\b|users?|x\b))/i;

/** Labels that mark an arrow as a push toward the caller: notifications, server-sent events, live updates. */
export const PUSH_RE =
  /\b(?:push(?:es|ed)?|notif(?:y|ies|ied|ication|ications)|webhooks?|sse|server[\s-]sent|events? streams?|broadcasts?|updates|fan[\s-]?out)\b/i;

/**
 * Sets `Edge.role` on every edge from its label, then reads request/reply pairs: two
 * single-headed arrows joining the same two boxes in opposite directions are a request
 * and its reply, and the one pointing leftward (against the reading direction) is the
 * reply, provided the rightward one can be a request: it goes up the tiers (client →
 * service → store) or leaves a queue. (Storage notifying a worker that then writes
 * back is two requests, not a request and its reply.)
 */
export function assignRoles(edges: readonly Edge[], boxCount: number): void {
  // Labels repeat across a board: each distinct one is read once.
  const byLabel = new Map<string, Edge["role"]>();
  // Keyed by from × boxCount + to: a number, not a string per arrow.
  const pairs = new Map<number, Edge>();
  for (const e of edges) {
    let role = byLabel.get(e.label);
    if (role === undefined) byLabel.set(e.label, (role = roleFromLabel(e.label)));
    (e as { role: Edge["role"] }).role = role;
    if (!e.from || !e.to || e.from === e.to || (e.heads !== "forward" && e.heads !== "reverse")) continue;
    const key = e.from.index * boxCount + e.to.index;
    if (!pairs.has(key)) pairs.set(key, e);
  }
  for (const e of pairs.values()) {
    const back = pairs.get(e.to!.index * boxCount + e.from!.index);
    if (!back || e.role !== "request" || back.role !== "request") continue;
    if (run(e) < 0 && run(back) > 0 && canBeRequest(back)) (e as { role: Edge["role"] }).role = "reply";
  }
}

function canBeRequest(e: Edge): boolean {
  const from = e.from!,
    to = e.to!;
  return from.tier === null || to.tier === null || from.tier <= to.tier || from.kind === "queue";
}

/** The role a label alone gives an arrow (labels repeat: callers may cache by label). */
export function roleFromLabel(label: string): Edge["role"] {
  if (!label) return "request";
  if (REPLY_RE.test(label)) return "reply";
  if (PUSH_RE.test(label)) return "push";
  return "request";
}

/** Horizontal run in the arrow's direction (from its source to its target). */
export function run(e: Edge): number {
  return e.heads === "reverse" ? e.start.x - e.end.x : e.end.x - e.start.x;
}
