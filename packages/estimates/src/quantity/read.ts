/**
 * The figure reader: from the first digit of a figure, reads the number, its magnitude
 * and its unit, the way people write them ("12k QPS", "1.5M", "5 TB/day", "~100s of
 * GBs per day", "100:1"). `parseQuantity` (a typed field) and `findQuantities` (free
 * text on a board) both call `readFigure`, so there is one grammar.
 *
 * Grammar, in reading order (every part optional except the number):
 *   number   "10", "1,000", "1.5", "10^5", "1e9", "1/3", "100s of" (hundreds of)
 *   ratio    ":" number                     → "100:1"
 *            "to 1", as said aloud           → "100 to 1" (ranges run upwards, so never one)
 *   magnitude k | M | B | T | thousand | million | billion | bn | mn …
 *   unit     % | x | bps… | KB… | QPS… | ms…years | a noun phrase ("users", "segment requests")
 *   per      "/s", "per day", "a day", " daily" (a rate) | "/upload", "per msg" (an item)
 */
import type { Qualifier } from "./units.ts";
import {
  BITRATE_RE,
  BITRATE_SLASH_RE,
  BYTES_RE,
  DURATION_RE,
  MAGNITUDE,
  MAGNITUDE_RE,
  NOT_NOUNS,
  PER_ITEM_RE,
  PER_SECOND_RE,
  PER_SECOND_UNITS,
  PER_TIME_RE,
  SECONDS,
  WORD_RE,
  AUDIENCE_RE,
  bitsMultiplier,
  bytesMultiplier,
  perTimeSeconds,
} from "./units.ts";
import type { Quantity, QuantityUnit } from "./types.ts";

const NUMBER_RE = /(\d{1,3}(?:,\d{3})+(?![\d])|\d+)(\.\d+)?(?:[eE]([+-]?\d{1,3})(?![a-z0-9])|\^(\d{1,3}))?/y;
const FRACTION_RE = /\/(\d+)(?![\d.,/])/y;
const HUNDREDS_RE = /s\s+of\s+/y;
const RATIO_RE = /\s*:\s*(\d+(?:\.\d+)?)(?![\d:])(?:\s+ratio\b)?/iy;
/** "100 to 1", "10-to-1 ratio": only "to 1" and no unit after, so "1 to 10" and "5 to 1 KB" stay ranges. */
const SPOKEN_RATIO_RE = /(?:\s+|\s*-)to(?:\s+|-\s*)1(?![\d,:]|\.\d)(?:\s+ratio\b|(?!\s*[a-z%×µ]))/iy;
const SPACE_RE = /\s*/y;
const PERCENT_RE = /\s*(?:%|percent\b)/iy;
const FACTOR_RE = /\s*[x×](?![a-z0-9])(?!\s*\d)/iy;

/** A figure read at a position: the quantity (without `text`/`index`) and where it ends. */
export interface Figure {
  readonly value: number;
  readonly unit: QuantityUnit;
  readonly perSeconds?: number;
  readonly perItem?: string;
  readonly noun?: string;
  readonly parts?: readonly [number, number];
  /** Read "100s of": a lower bound, written loosely. */
  readonly loose: boolean;
  readonly end: number;
}

/** Runs a sticky regex at `pos`. */
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Rounds away binary noise: 1.15 × 10^6 is 1,150,000, not 1,149,999.9999999998. */
function tidy(v: number): number {
  // Most figures are whole numbers: rounding is cheaper than `toPrecision`.
  const r = Math.round(v);
  if (r !== 0 && Math.abs(v - r) <= Math.abs(v) * 1e-12) return r;
  return Number(v.toPrecision(12));
}

/** Reads the figure whose number starts at `pos` (an ASCII digit). Null if there is none. */
export function readFigure(text: string, pos: number): Figure | null {
  const n = at(NUMBER_RE, text, pos);
  if (!n) return null;
  let value = Number(n[1]!.replace(/,/g, "") + (n[2] ?? ""));
  if (n[3] !== undefined) value *= 10 ** Number(n[3]);
  if (n[4] !== undefined) value = value ** Number(n[4]);
  let end = pos + n[0].length;
  let loose = false;
  if (!n[2] && n[3] === undefined && n[4] === undefined) {
    const f = at(FRACTION_RE, text, end);
    if (f && Number(f[1]) > 0) {
      value /= Number(f[1]);
      end += f[0].length;
    }
  }
  const ratio = at(RATIO_RE, text, end);
  if (ratio && Number(ratio[1]) > 0 && value > 0) {
    const right = Number(ratio[1]);
    return { value: tidy(value / right), unit: "ratio", parts: [value, right], loose, end: end + ratio[0].length };
  }
  const spoken = value >= 1 ? at(SPOKEN_RATIO_RE, text, end) : null;
  if (spoken) return { value: tidy(value), unit: "ratio", parts: [value, 1], loose, end: end + spoken[0].length };
  const hundreds = at(HUNDREDS_RE, text, end);
  if (hundreds) {
    loose = true;
    end += hundreds[0].length;
  }
  const space = at(SPACE_RE, text, end)![0].length;
  const mag = at(MAGNITUDE_RE, text, end + space);
  if (mag) {
    value *= MAGNITUDE[mag[1]!.toLowerCase()]!;
    end += space + mag[0].length;
  }
  return readUnit(text, end, tidy(value), !!mag, loose);
}

/** The unit after the number (and magnitude), then what the figure is per. */
function readUnit(text: string, pos: number, value: number, scaled: boolean, loose: boolean): Figure {
  if (!scaled) {
    const pct = at(PERCENT_RE, text, pos);
    if (pct) return { value: tidy(value / 100), unit: "fraction", loose, end: pos + pct[0].length };
    const factor = at(FACTOR_RE, text, pos);
    if (factor) return { value, unit: "factor", loose, end: pos + factor[0].length };
  }
  const u = pos + at(SPACE_RE, text, pos)![0].length;
  const bits = at(BITRATE_SLASH_RE, text, u) ?? at(BITRATE_RE, text, u);
  if (bits)
    return {
      value: tidy(value * bitsMultiplier(bits[1]!)),
      unit: "bits",
      perSeconds: 1,
      loose,
      end: u + bits[0].length,
    };
  const bytes = at(BYTES_RE, text, u);
  if (bytes) {
    const amount = tidy(value * bytesMultiplier(bytes[1], bytes[2], bytes[3]));
    return withPer(text, u + bytes[0].length, { value: amount, unit: "bytes", loose }, true);
  }
  const qps = at(PER_SECOND_RE, text, u);
  if (qps) {
    return {
      value,
      unit: "count",
      perSeconds: 1,
      noun: PER_SECOND_UNITS[qps[1]!.toLowerCase()]!,
      loose,
      end: u + qps[0].length,
    };
  }
  const duration = at(DURATION_RE, text, u);
  if (duration)
    return {
      value: tidy(value * SECONDS[duration[1]!.toLowerCase()]!),
      unit: "seconds",
      loose,
      end: u + duration[0].length,
    };
  return readCount(text, pos, value, loose);
}

/** A count: bare ("500/s", "10 per day") or with a noun phrase ("100M DAU", "2.5M segment requests/s"). */
function readCount(text: string, pos: number, value: number, loose: boolean): Figure {
  const perTime = at(PER_TIME_RE, text, pos);
  if (perTime)
    return { value, unit: "count", perSeconds: perTimeSeconds(perTime), loose, end: pos + perTime[0].length };
  const words: string[] = [];
  const ends: number[] = [];
  let end = pos;
  while (words.length < 3) {
    const w = at(WORD_RE, text, end);
    if (!w || NOT_NOUNS.has(w[1]!.toLowerCase())) break;
    words.push(w[1]!.toLowerCase());
    end += w[0].length;
    ends.push(end);
    const rate = at(PER_TIME_RE, text, end) ?? perItemThenTime(text, end);
    if (rate) {
      const figure = { value, unit: "count" as const, noun: words.join(" "), loose };
      return withPer(text, end, figure, false);
    }
  }
  if (words.length === 0) return { value, unit: "count", loose, end: pos };
  // Without a rate, the noun is one word, or up to the audience word ("daily active users").
  const audience = words.findIndex((w) => AUDIENCE_RE.test(w));
  const last = audience >= 0 ? audience : 0;
  return withPer(text, ends[last]!, { value, unit: "count", noun: words.slice(0, last + 1).join(" "), loose }, false);
}

/** "per user per day": an item, then time. */
function perItemThenTime(text: string, pos: number): RegExpExecArray | null {
  const item = at(PER_ITEM_RE, text, pos);
  return item ? at(PER_TIME_RE, text, pos + item[0].length) : null;
}

type FigureStart = Pick<Figure, "value" | "unit" | "noun" | "loose">;

/**
 * What a figure is per: time ("/day", "per second") makes it a rate; an item
 * ("/upload", "per user") is kept as `perItem`, and time may still follow. A size may
 * name what it measures first ("2 TB data/ day").
 */
function withPer(text: string, pos: number, figure: FigureStart, allowNoun: boolean): Figure {
  let end = pos;
  let perItem: string | undefined;
  let time = at(PER_TIME_RE, text, end);
  if (!time && allowNoun) {
    const w = at(WORD_RE, text, end);
    if (w && !NOT_NOUNS.has(w[1]!.toLowerCase())) {
      const after = at(PER_TIME_RE, text, end + w[0].length);
      if (after) {
        end += w[0].length;
        time = after;
      }
    }
  }
  if (!time) {
    const item = at(PER_ITEM_RE, text, end);
    if (item) {
      perItem = item[1]!.toLowerCase();
      end += item[0].length;
      time = at(PER_TIME_RE, text, end);
    }
  }
  if (time) end += time[0].length;
  return {
    value: figure.value,
    unit: figure.unit,
    perSeconds: time ? perTimeSeconds(time) : undefined,
    perItem,
    noun: figure.noun,
    loose: figure.loose,
    end,
  };
}

/** Assembles the public shape from a figure read at `start` with an optional qualifier. */
export function toQuantity(text: string, start: number, fig: Figure, qualifier: Qualifier | undefined): Quantity {
  // One object shape for every figure (absent fields are undefined): cheaper than spreading.
  return {
    value: fig.value,
    unit: fig.unit,
    perSeconds: fig.perSeconds,
    perItem: fig.perItem,
    noun: fig.noun,
    qualifier: qualifier ?? (fig.loose ? "~" : undefined),
    parts: fig.parts,
    text: text.slice(start, fig.end).trim(),
    index: start,
  };
}
