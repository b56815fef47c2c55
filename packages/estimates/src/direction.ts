/**
 * Which way traffic goes, from the words that name it: "get feed", "redirects", "video
 * views" are reads; "new post", "POST /pay", "GPS ping", "uploads" are writes. Shared by
 * the diagram check (an arrow's label against the estimate's read or write QPS) and the
 * prefill from a prompt's scale hints, so both sort the same words the same way.
 */
export type Direction = "read" | "write";

const READ_RE =
  /\b(?:get|gets|read|reads|reading|fetch(?:es)?|views?|viewing|load|loads|lookups?|look\s?up|search(?:es)?|quer(?:y|ies)|downloads?|redirects?|stream(?:s|ing)?|watch(?:es)?|list|feeds?|timelines?|select|browse)\b/i;
const WRITE_RE =
  /\b(?:post|posts|put|patch|delete|writes?|writing|uploads?|create[sd]?|insert(?:s|ed)?|updates?|sends?|publish(?:es)?|submit(?:s)?|pay|payments?|charges?|book(?:s|ing)?|enqueue|append|new|pings?|adds?|saves?)\b/i;

/** "read", "write", or null when the words say neither or both. */
export function trafficDirection(text: string): Direction | null {
  const read = READ_RE.test(text),
    write = WRITE_RE.test(text);
  if (read === write) return null;
  return read ? "read" : "write";
}

const AVERAGE_RE = /\b(?:avg|average|mean|typical)\b/i;

/** The label says its figure is an average, not a peak. */
export function saysAverage(text: string): boolean {
  return AVERAGE_RE.test(text);
}
