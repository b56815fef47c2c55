/**
 * Figures inside free text (a label, a note): every place a figure starts, read with the
 * same reader as a typed field. A figure starts at a digit that is not part of a word
 * or a longer number ("S3", "H.264", "v1.2" hold none).
 */
import { readFigure, toQuantity } from "./read.ts";
import type { Quantity } from "./types.ts";
import { QUALIFIER_BEFORE_RE, qualifierOf, type Qualifier } from "./units.ts";

const START_RE = /\d/g;
const NONE: Quantity[] = [];

/** Letters, digits, "_", "." and "," glue a digit to what precedes it. */
function gluedToPrevious(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 44;
}

/** Every figure in `text`, in order. */
export function findQuantities(text: string): Quantity[] {
  let found: Quantity[] | null = null;
  START_RE.lastIndex = 0;
  for (let m = START_RE.exec(text); m; m = START_RE.exec(text)) {
    const i = m.index;
    let start = i;
    let factor = false;
    if (i > 0) {
      const prev = text.charCodeAt(i - 1);
      // "x3" reads as a multiplier when the x stands alone; otherwise a digit glued to a word is no figure.
      if ((prev === 120 || prev === 88) && (i < 2 || !gluedToPrevious(text.charCodeAt(i - 2)))) {
        factor = true;
        start = i - 1;
      } else if (gluedToPrevious(prev)) {
        START_RE.lastIndex = skipNumber(text, i);
        continue;
      }
    }
    const fig = readFigure(text, i);
    if (!fig) continue;
    START_RE.lastIndex = Math.max(fig.end, i + 1);
    if (!factor) {
      const before = /×\s*$/.exec(text.slice(Math.max(0, i - 3), i));
      if (before) {
        factor = true;
        start = i - before[0].length;
      }
    }
    // "×3" is a multiplier; "× 20 bytes" is a size in a product, read without the sign.
    const isFactor = factor && fig.unit === "count" && !fig.noun && fig.perSeconds === undefined;
    if (!isFactor) start = i;
    const q = qualifierBefore(text, start);
    const figure = isFactor ? { ...fig, unit: "factor" as const } : fig;
    (found ??= []).push(toQuantity(text, q ? q.start : start, figure, q?.qualifier));
  }
  return found ?? NONE;
}

/** Skips the rest of a run of digits glued to a word ("k256", "2024-04-10T15"), so it is not read from its middle. */
function skipNumber(text: string, i: number): number {
  let j = i;
  while (j < text.length && gluedToPrevious(text.charCodeAt(j))) j++;
  return j;
}

/** "~", "about", "< " just before a figure. */
function qualifierBefore(text: string, start: number): { qualifier: Qualifier; start: number } | null {
  if (start === 0) return null;
  const window = text.slice(Math.max(0, start - 14), start);
  const m = QUALIFIER_BEFORE_RE.exec(window);
  if (!m) return null;
  const word = m[1]!;
  return { qualifier: qualifierOf(word), start: start - (window.length - window.lastIndexOf(word)) };
}
