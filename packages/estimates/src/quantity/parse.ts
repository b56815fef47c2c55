/**
 * One typed figure ("10k", "5 TB/day", "~100s of GBs per day") → a quantity, or one
 * sentence saying what could not be read and what to type instead. The grammar is the
 * reader's (`read.ts`); this module only adds what a whole input needs: the qualifier
 * and "×3" in front, and the diagnosis of what is left over.
 */
import { readFigure, toQuantity } from "./read.ts";
import type { ParseResult, Quantity } from "./types.ts";
import { QUALIFIER_RE, qualifierOf, type Qualifier } from "./units.ts";

const FACTOR_PREFIX_RE = /[x×]\s*(?=\d)/iy;
const EXAMPLES = "e.g. 10k, 1.5M, 2 KB, 5 TB/day, 3x or 20%";

/** Quotes what the user typed, shortened so a message stays one line. */
export function quote(text: string): string {
  const t = text.trim();
  return `“${t.length > 40 ? `${t.slice(0, 39)}…` : t}”`;
}

function fail(message: string): ParseResult {
  return { ok: false, message };
}

/**
 * Reads one figure typed into a field. The whole input must be that figure; anything
 * else gets a message naming the problem ("a range: pick one figure").
 */
export function parseQuantity(input: string): ParseResult {
  const text = input.trim();
  if (!text) return fail(`Type a figure (${EXAMPLES})`);
  if (!/\d/.test(text)) return fail(`No number in ${quote(text)}: type a figure (${EXAMPLES})`);
  let pos = 0;
  let qualifier: Qualifier | undefined;
  QUALIFIER_RE.lastIndex = 0;
  const q = QUALIFIER_RE.exec(text);
  if (q) {
    qualifier = qualifierOf(q[1]!);
    pos = q[0].length;
  }
  FACTOR_PREFIX_RE.lastIndex = pos;
  const factor = FACTOR_PREFIX_RE.exec(text);
  if (factor) pos += factor[0].length;
  if (text[pos] === "-" || text[pos] === "−")
    return fail(`${quote(text)} is negative: estimates are counts, sizes and rates, all positive`);
  if (text[pos] === "." && /\d/.test(text[pos + 1] ?? ""))
    return fail(`Write ${quote(text)} with a leading zero: 0${text.slice(pos)}`);
  if (!/\d/.test(text[pos] ?? "")) return fail(`Put the number first in ${quote(text)}, e.g. 2 KB, not KB 2`);
  const fig = readFigure(text, pos);
  if (!fig) return fail(`Cannot read ${quote(text)} (${EXAMPLES})`);
  const rest = text.slice(fig.end);
  if (rest.trim()) return fail(leftover(text, rest));
  if (factor) {
    if (fig.unit !== "count" || fig.noun || fig.perSeconds !== undefined)
      return fail(`Cannot read ${quote(text)}: write a multiplier as 3x or ×3`);
    return ok(toQuantity(text, 0, { ...fig, unit: "factor" }, qualifier));
  }
  return ok(toQuantity(text, 0, fig, qualifier));
}

function ok(quantity: Quantity): ParseResult {
  return { ok: true, quantity };
}

/** Why the text after the figure is not part of it. */
function leftover(text: string, rest: string): string {
  const r = rest.trimStart();
  if (/^(?:[-–—]|to\b)\s*[~≈]?\d/i.test(r))
    return `${quote(text)} is a range: type one figure (the one you will design for)`;
  if (/^[×x*÷+]\s*\d|^\/\s*\d|^=/.test(r)) return `${quote(text)} is a calculation: type its result, one figure`;
  if (/^,\d/.test(rest))
    return `${quote(text)}: use a point for decimals (1.5) and commas only between groups of three digits (1,000)`;
  if (/^\.\d/.test(rest)) return `${quote(text)} has more than one decimal point`;
  if (/\d/.test(r)) return `${quote(text)} holds more than one figure: type one`;
  const word = /^[^\s]+/.exec(r)?.[0] ?? r;
  return `Cannot read ${quote(word)} in ${quote(text)}: units are k/M/B, B–PB, /s, /day, x, % (${EXAMPLES})`;
}
