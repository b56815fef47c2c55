/**
 * Back-of-the-envelope figures written on the board (docs/rules/README.md, "Model"). What a
 * figure means ("12k QPS" is 12,000 requests a second) is read by `@archboard/estimates`,
 * the same reader as the Estimates panel's fields; here a figure only needs a kind. A
 * bare number is not an estimate ("Step 2", "v1"): it needs a unit of rate, size,
 * latency, bandwidth or audience.
 */
import { findQuantities, measureOf, type Quantity } from "@archboard/estimates";

export type NumberKind = "rate" | "size" | "latency" | "bandwidth" | "users";

export interface NumberMention {
  readonly kind: NumberKind;
  /** The matched text, e.g. "12k QPS". */
  readonly text: string;
  /** The figure as read (value, unit, time base); absent for a bare percentile ("p99"). */
  readonly quantity?: Quantity;
}

/** Measures of the estimates reader that count as a figure on a board. */
const KINDS: ReadonlySet<string> = new Set<NumberKind>(["rate", "size", "latency", "bandwidth", "users"]);
/** A latency target named by its percentile alone: "p99". */
const PERCENTILE_RE = /\bp(?:50|90|95|99|999)\b/gi;
const HINT = /\d\s*[a-zµ/]|p\d\d/i;
/** The answer for a text without figures, shared (never changed). */
export const NO_FIGURES: NumberMention[] = [];

/** Both HINT branches need an ASCII digit; looking for one is cheaper than the regex. */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Cheap pre-check: a figure needs a digit followed by a unit (or "p99"); most labels
 * have neither, and most of a scene is labels.
 */
export function mayHoldFigures(text: string): boolean {
  return hasDigit(text) && HINT.test(text);
}

/** Every figure found in a piece of text, in reading order. */
export function findNumbers(text: string): NumberMention[] {
  if (!mayHoldFigures(text)) return NO_FIGURES;
  let found: NumberMention[] | null = null;
  for (const q of findQuantities(text)) {
    const kind = measureOf(q);
    if (KINDS.has(kind)) (found ??= []).push({ kind: kind as NumberKind, text: q.text, quantity: q });
  }
  PERCENTILE_RE.lastIndex = 0;
  let p = PERCENTILE_RE.exec(text);
  if (!p) return found ?? NO_FIGURES;
  // Rare: merge the percentiles in by position.
  const all: { at: number; mention: NumberMention }[] = (found ?? []).map((m) => ({
    at: m.quantity!.index,
    mention: m,
  }));
  for (; p; p = PERCENTILE_RE.exec(text)) all.push({ at: p.index, mention: { kind: "latency", text: p[0] } });
  return all.sort((a, b) => a.at - b.at).map((f) => f.mention);
}
