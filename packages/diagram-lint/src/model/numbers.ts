/**
 * Back-of-the-envelope figures written on the board (LINT-RULES.md "Numbers"). A bare
 * number is not an estimate ("Step 2", "v1"): it needs a unit of rate, size, latency,
 * bandwidth or audience.
 */
export type NumberKind = "rate" | "size" | "latency" | "bandwidth" | "users";

export interface NumberMention {
  readonly kind: NumberKind;
  /** The matched text, e.g. "12k QPS". */
  readonly text: string;
}

const N = String.raw`\d[\d,]*(?:\.\d+)?\s*(?:[kmbt]\b|thousand|million|billion|mn|bn)?\s*`;
const PATTERNS: readonly [NumberKind, string][] = [
  ["bandwidth", String.raw`\b${N}[kmgtp]?(?:bps|bit/s|b/s)\b`],
  ["rate", String.raw`\b${N}(?:qps|rps|tps|wps|req(?:uest)?s?\s*/\s*(?:s|sec|second|min|day)|(?:reads?|writes?|messages?|msgs?|events?|ops|requests?|queries|uploads?|views?|tweets?|posts?)\s*(?:/|per)\s*(?:s|sec|second|min|minute|hr|hour|day)\b|/\s*(?:s|sec)\b|per\s+(?:second|sec)\b)`],
  ["size", String.raw`\b${N}(?:[kmgtpe]i?b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?)(?:\s*/\s*\w+)?(?![\w/])`],
  ["latency", String.raw`\b\d+(?:\.\d+)?\s*(?:ms|msec|milliseconds?|µs|us)\b|\bp(?:50|90|95|99|999)\b`],
  ["users", String.raw`\b${N}(?:dau|mau|users?|customers?|subscribers?)\b`],
];

const HINT = /\d\s*[a-zµ/]|p\d\d/i;
const NONE: NumberMention[] = [];

// One pass over the text with one capture group per kind, tried in the order above.
const COMBINED = new RegExp(PATTERNS.map(([, src]) => `(${src})`).join("|"), "gi");

/** Both HINT branches need an ASCII digit; looking for one is cheaper than the regex. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Every figure found in a piece of text. */
export function findNumbers(text: string): NumberMention[] {
  // Cheap pre-check: a figure needs a digit followed by a unit (or "p99"); most labels
  // have neither, and most of a scene is labels.
  if (!hasDigit(text) || !HINT.test(text)) return NONE;
  const found: NumberMention[] = [];
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    found.push({ kind: PATTERNS[group - 1]![0], text: m[0].trim() });
  }
  return found;
}
