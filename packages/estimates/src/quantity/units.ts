/**
 * The vocabulary of figures as people write them in interviews: magnitudes (k, M, B),
 * sizes (KB–EB), bit rates (Mbps), request rates (QPS), time units and their
 * abbreviations. Every table here is read by `read.ts`; nothing else knows a unit.
 *
 * Conventions (stated in the README and the panel):
 * - Powers of 1,000: 1 KB = 1,000 bytes, 1 k = 1,000. "KiB" style units are powers of 1,024.
 * - A bare "B" after a number is billion ("1B users"); bytes need a prefix ("2 KB") or
 *   the word ("100 bytes").
 * - "kb", "Mb", "gb" are bytes, as people mean them on whiteboards ("2mb image");
 *   bits only with "bps", "bit/s" or a lowercase "b/s" ("5 Mb/s").
 * - A month is 30 days, a year 365 days.
 */

/**
 * Multipliers written after a number: "10k", "1.5 M", "100 million", "1 Bn", the finance
 * "100MM", and the lakh and crore of Indian English ("10 lakh" is a million).
 */
export const MAGNITUDE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  mm: 1e6,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12,
};
export const MAGNITUDE_RE = /(thousand|million|billion|trillion|crores?|lakhs?|mil|mn|mm|bn|tn|k|m|b|t)(?![a-z0-9])/iy;

/** Decimal and binary prefixes of bytes and bits. */
const PREFIX: Readonly<Record<string, number>> = { "": 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };
const BINARY: Readonly<Record<string, number>> = {
  k: 2 ** 10,
  m: 2 ** 20,
  g: 2 ** 30,
  t: 2 ** 40,
  p: 2 ** 50,
  e: 2 ** 60,
};
const PREFIX_WORD: Readonly<Record<string, string>> = {
  kilo: "k",
  mega: "m",
  giga: "g",
  tera: "t",
  peta: "p",
  exa: "e",
};

/** Bits per second: "1 Gbps", "10 Gbit/s", "5 Mb/s" (the lowercase b matters). */
export const BITRATE_RE = /([kmgtp]?)(?:bps|bits?\/s(?:ec)?\b|bits?\s+per\s+second)(?![a-z])/iy;
export const BITRATE_SLASH_RE = /([kKmMgGtTpP]?)b\/s(?:ec)?(?![a-zA-Z])/y;

/** Bytes: "2 KB", "5 TB", "3MB", "2mb", "GBs", "100 bytes", "2 megabytes", "4 GiB". */
export const BYTES_RE = /(?:([kmgtpe])(i?)b(?:ytes?)?s?|(kilo|mega|giga|tera|peta|exa)bytes?|bytes?)(?![a-z])/iy;

/** Multiplier of a bytes match (groups of BYTES_RE). */
export function bytesMultiplier(
  prefix: string | undefined,
  binary: string | undefined,
  word: string | undefined,
): number {
  if (word) return PREFIX[PREFIX_WORD[word.toLowerCase()]!]!;
  if (!prefix) return 1;
  const p = prefix.toLowerCase();
  return binary ? BINARY[p]! : PREFIX[p]!;
}

/** Multiplier of a bit-rate prefix. */
export function bitsMultiplier(prefix: string): number {
  return PREFIX[prefix.toLowerCase()]!;
}

/** Rates that carry their own "per second": QPS and friends, with what they count. */
export const PER_SECOND_UNITS: Readonly<Record<string, string>> = {
  qps: "queries",
  rps: "requests",
  tps: "transactions",
  wps: "writes",
  cps: "clicks",
  iops: "operations",
};
export const PER_SECOND_RE = /(qps|rps|tps|wps|cps|iops)(?![a-z])/iy;

const MINUTE = 60,
  HOUR = 3600,
  DAY = 86_400;
/** Seconds in one of each time unit (a month is 30 days, a year 365). */
export const SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  nanosecond: 1e-9,
  nanoseconds: 1e-9,
  µs: 1e-6,
  μs: 1e-6,
  us: 1e-6,
  microsecond: 1e-6,
  microseconds: 1e-6,
  ms: 1e-3,
  msec: 1e-3,
  msecs: 1e-3,
  millisecond: 1e-3,
  milliseconds: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
  w: 7 * DAY,
  wk: 7 * DAY,
  wks: 7 * DAY,
  week: 7 * DAY,
  weeks: 7 * DAY,
  mo: 30 * DAY,
  month: 30 * DAY,
  months: 30 * DAY,
  y: 365 * DAY,
  yr: 365 * DAY,
  yrs: 365 * DAY,
  year: 365 * DAY,
  years: 365 * DAY,
};
const TIME_WORDS =
  "nanoseconds?|ns|microseconds?|µs|μs|us|milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|min|hours?|hrs?|hr|h|days?|d|weeks?|wks?|wk|w|months?|mo|years?|yrs?|yr|y";
/** A duration's unit: "50 ms", "10s", "5 years". */
export const DURATION_RE = new RegExp(`(${TIME_WORDS})(?![a-z0-9])`, "iy");

/** "/s", "per day", "a day", " daily": the time base of a rate. */
export const PER_TIME_RE = new RegExp(
  String.raw`\s*(?:/\s*|per\s+|an?\s+)(?:1\s*)?(${TIME_WORDS})(?![a-z0-9])|\s+(daily|hourly|monthly|yearly|annually|weekly)(?![a-z0-9])(?![ \t]+(?:active|unique|users?)\b)`,
  "iy",
);
const ADVERB_SECONDS: Readonly<Record<string, number>> = {
  hourly: HOUR,
  daily: DAY,
  weekly: 7 * DAY,
  monthly: 30 * DAY,
  yearly: 365 * DAY,
  annually: 365 * DAY,
};

/** Seconds of a PER_TIME_RE match. */
export function perTimeSeconds(m: RegExpExecArray): number {
  if (m[1]) return SECONDS[m[1].toLowerCase()]!;
  return ADVERB_SECONDS[m[2]!.toLowerCase()]!;
}

/** "/upload", "per msg": what a size or count is per, when it is not time. */
export const PER_ITEM_RE = /\s*(?:\/\s*|per\s+)([a-z][a-z_-]*)(?![a-z0-9])/iy;

/** One word of a noun phrase after a number: "users", "segment requests", "URLs". */
export const WORD_RE = /[ \t]*([a-z][a-z'_-]*)(?![a-z0-9])/iy;
/** Words that end a noun phrase rather than belong to it. */
export const NOT_NOUNS = new Set([
  "a",
  "an",
  "and",
  "or",
  "of",
  "to",
  "in",
  "at",
  "on",
  "for",
  "with",
  "from",
  "the",
  "is",
  "are",
  "per",
  "x",
  "by",
  "as",
  "vs",
  "than",
  "over",
  "under",
]);

/** Nouns that make a count an audience (LINT "users" figures, the DAU field). */
export const AUDIENCE_RE =
  /^(?:dau|mau|wau|users?|customers?|subscribers?|viewers?|members?|people|accounts?|players?|drivers?|riders?|listeners?|visitors?)$/i;

/** "~10k", "about 5 TB", "< 200 ms": how the figure is hedged. */
export type Qualifier = "~" | "<" | ">";
export const QUALIFIER_RE =
  /(~|≈|about|around|approx\.?|approximately|roughly|nearly|almost|≤|<=?|at most|up to|less than|under|≥|>=?|at least|more than|over)\s*/iy;
/** The same qualifiers, read backwards from a number found inside a text. */
export const QUALIFIER_BEFORE_RE =
  /(?:^|[^a-z=>-])(~|≈|about|around|approx\.?|approximately|roughly|nearly|almost|≤|<=?|at most|up to|less than|under|≥|>=?|at least|more than|over)\s*$/i;

/** Reads a QUALIFIER_RE word as a qualifier. */
export function qualifierOf(word: string): Qualifier {
  const w = word.toLowerCase();
  if (/^(?:≤|<|<=|at most|up to|less than|under)$/.test(w)) return "<";
  if (/^(?:≥|>|>=|at least|more than|over)$/.test(w)) return ">";
  return "~";
}
