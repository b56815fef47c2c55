/**
 * The estimate's inputs: what people state in the first minutes of an interview, each
 * typed as text ("100M", "2 KB", "3x", "20%") and read into one number in the field's
 * unit. A figure of the wrong kind gets a sentence saying what the field wants.
 */
import { measureOf } from "./quantity/measure.ts";
import { parseQuantity, quote } from "./quantity/parse.ts";
import type { Quantity } from "./quantity/types.ts";
import { formatBytes, formatCount, formatFactor, formatPercent, formatPerSecond } from "./format.ts";

/** Every input, in the order the panel and the CLI list them. */
export const FIELD_IDS = [
  "dau",
  "readsPerUser",
  "writesPerUser",
  "actionsPerUser",
  "readWriteRatio",
  "peakFactor",
  "writeSize",
  "readSize",
  "retention",
  "replication",
  "cacheHitRatio",
  "hotSetShare",
  "serverQps",
] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** What a field's number is: the unit its value is kept in. */
export type FieldUnit =
  "count" | "perDay" | "ratio" | "factor" | "copies" | "bytes" | "years" | "fraction" | "perSecond";

export interface FieldSpec {
  readonly id: FieldId;
  /** Label in the panel and the CLI table. */
  readonly label: string;
  readonly unit: FieldUnit;
  /** Example shown while empty. */
  readonly example: string;
  /** Used when the field is empty; stated next to the figure it feeds. */
  readonly default?: number;
  /** The command-line flag. */
  readonly flag: string;
}

export const FIELDS: Readonly<Record<FieldId, FieldSpec>> = {
  dau: { id: "dau", label: "Daily active users", unit: "count", example: "100M", flag: "--dau" },
  readsPerUser: {
    id: "readsPerUser",
    label: "Reads per user per day",
    unit: "perDay",
    example: "20",
    flag: "--reads-per-user",
  },
  writesPerUser: {
    id: "writesPerUser",
    label: "Writes per user per day",
    unit: "perDay",
    example: "2",
    flag: "--writes-per-user",
  },
  actionsPerUser: {
    id: "actionsPerUser",
    label: "Actions per user per day",
    unit: "perDay",
    example: "10",
    flag: "--actions-per-user",
  },
  readWriteRatio: {
    id: "readWriteRatio",
    label: "Read:write ratio",
    unit: "ratio",
    example: "10:1",
    flag: "--read-write-ratio",
  },
  peakFactor: {
    id: "peakFactor",
    label: "Peak-to-average factor",
    unit: "factor",
    example: "3x",
    default: 3,
    flag: "--peak-factor",
  },
  writeSize: { id: "writeSize", label: "Payload size per write", unit: "bytes", example: "1 KB", flag: "--size" },
  readSize: { id: "readSize", label: "Read size", unit: "bytes", example: "1 KB", flag: "--read-size" },
  retention: { id: "retention", label: "Retention", unit: "years", example: "5 years", flag: "--retention" },
  replication: {
    id: "replication",
    label: "Replication factor",
    unit: "copies",
    example: "3x",
    default: 3,
    flag: "--replication",
  },
  cacheHitRatio: {
    id: "cacheHitRatio",
    label: "Cache hit ratio",
    unit: "fraction",
    example: "80%",
    flag: "--cache-hit",
  },
  hotSetShare: {
    id: "hotSetShare",
    label: "Hot set (share of a day's reads)",
    unit: "fraction",
    example: "20%",
    default: 0.2,
    flag: "--hot-set",
  },
  serverQps: {
    id: "serverQps",
    label: "QPS one server handles",
    unit: "perSecond",
    example: "1k QPS",
    flag: "--server-qps",
  },
};

/** Input values in their field's unit (see `FIELDS`); absent when not stated. */
export type EstimateInputs = Partial<Record<FieldId, number>>;

/** Inputs as typed, by field. */
export type EstimateTexts = Partial<Record<FieldId, string>>;

/** Reads every typed input: the values that read, and a message per field that did not. */
export function readInputs(texts: EstimateTexts): { inputs: EstimateInputs; errors: Partial<Record<FieldId, string>> } {
  const inputs: EstimateInputs = {};
  const errors: Partial<Record<FieldId, string>> = {};
  for (const id of FIELD_IDS) {
    const r = readField(id, texts[id] ?? "");
    if (!r.ok) errors[id] = r.message;
    else if (r.value !== undefined) inputs[id] = r.value;
  }
  return { inputs, errors };
}

/** A field read: empty, a number in the field's unit, or why not. */
export type FieldReading =
  | { readonly ok: true; readonly value: number; readonly quantity: Quantity }
  | { readonly ok: true; readonly value: undefined }
  | { readonly ok: false; readonly message: string };

const DAY = 86_400,
  MONTH = 30 * DAY,
  YEAR = 365 * DAY;

/** Reads what was typed into a field. Empty text is "not set", not an error. */
export function readField(id: FieldId, text: string): FieldReading {
  if (!text.trim()) return { ok: true, value: undefined };
  const parsed = parseQuantity(text);
  if (!parsed.ok) return parsed;
  const q = parsed.quantity;
  const spec = FIELDS[id];
  const value = convert(spec, q);
  if (typeof value === "string") return { ok: false, message: value };
  return { ok: true, value, quantity: q };
}

/** Plain numbers and nouns count as the field's unit: "20" reads per day, "100M users". */
const isPlain = (q: Quantity) => q.unit === "count" && q.perSeconds === undefined;

/** The value in the field's unit, or a message. */
function convert(spec: FieldSpec, q: Quantity): number | string {
  const t = quote(q.text);
  switch (spec.unit) {
    case "count":
      if (isPlain(q)) return q.value;
      return `${spec.label} is a number of people (e.g. 100M); ${t} is ${describe(q)}`;
    case "perDay":
      if (isPlain(q)) return q.value;
      if (q.unit === "count") return (q.value * DAY) / q.perSeconds!;
      return `${spec.label} is how many a user does in a day (e.g. 10 or 10/day); ${t} is ${describe(q)}`;
    case "ratio":
      if (q.unit === "ratio" || q.unit === "factor" || isPlain(q)) return positive(spec, q, t);
      return `${spec.label} is reads per write (e.g. 10:1 or 10); ${t} is ${describe(q)}`;
    case "factor":
    case "copies": {
      if (q.unit !== "factor" && !isPlain(q))
        return `${spec.label} is a multiplier (e.g. ${spec.example}); ${t} is ${describe(q)}`;
      if (q.value < 1) {
        const why = spec.unit === "copies" ? "keeps less than one copy" : "would put the peak below the average";
        return `${spec.label} is at least 1: ${t} ${why}`;
      }
      if (spec.unit === "copies" && !Number.isInteger(q.value))
        return `${spec.label} counts whole copies: ${t} is not a whole number`;
      return q.value;
    }
    case "bytes":
      if (q.unit === "bytes" && q.perSeconds === undefined) return q.value;
      if (isPlain(q) && /b$/i.test(q.text) && q.value >= 1e9) {
        return `${t} reads as ${formatLoose(q.value)}: for bytes type ${q.text.slice(0, -1).trim()} bytes, or use KB, MB, GB`;
      }
      if (isPlain(q)) return `${spec.label} needs a unit: ${t} bytes? Type e.g. 2 KB, 500 bytes or 1 MB`;
      return `${spec.label} is an amount of data (e.g. ${spec.example}); ${t} is ${describe(q)}`;
    case "years":
      // "18 months" is a year and a half, not 540 / 365 days.
      if (q.unit === "seconds" && /mo(nth)?s?\b/i.test(q.text)) return q.value / MONTH / 12;
      if (q.unit === "seconds" && q.value >= DAY) return q.value / YEAR;
      if (isPlain(q)) return positive(spec, q, t);
      return `${spec.label} is how long data is kept (e.g. 5 years or 18 months); ${t} is ${describe(q)}`;
    case "fraction":
      if (q.unit === "fraction" || isPlain(q)) {
        if (q.value > 1 && q.unit !== "fraction") return `${spec.label} is a share: did you mean ${q.text}%?`;
        if (q.value > 1) return `${spec.label} is a share of at most 100 %: ${t} is more`;
        return q.value;
      }
      return `${spec.label} is a percentage (e.g. ${spec.example}); ${t} is ${describe(q)}`;
    case "perSecond":
      if (isPlain(q)) return positive(spec, q, t);
      if (q.unit === "count") return q.value / q.perSeconds!;
      return `${spec.label} is a request rate (e.g. 1k QPS or 1000/s); ${t} is ${describe(q)}`;
  }
}

function positive(spec: FieldSpec, q: Quantity, t: string): number | string {
  return q.value > 0 ? q.value : `${spec.label} must be more than zero, not ${t}`;
}

/** "1e11" in words for a message: "100 billion". */
function formatLoose(v: number): string {
  if (v >= 1e12) return `${v / 1e12} trillion`;
  return `${v / 1e9} billion`;
}

/** What a quantity is, in the words of a message: "data per day", "a duration". */
export function describe(q: Quantity): string {
  switch (measureOf(q)) {
    case "rate":
      return q.perSeconds === 1 ? "a rate per second" : q.perSeconds === DAY ? "a count per day" : "a rate";
    case "size":
      return q.perSeconds !== undefined ? `data per ${timeName(q.perSeconds)}` : "an amount of data";
    case "bandwidth":
      return "a data rate";
    case "latency":
    case "duration":
      return "a duration";
    case "users":
      return "a number of people";
    case "count":
      return "a plain count";
    case "fraction":
      return "a percentage";
    case "factor":
      return "a multiplier";
    case "ratio":
      return "a ratio";
  }
}

function timeName(seconds: number): string {
  if (seconds === DAY) return "day";
  if (seconds === YEAR) return "year";
  if (seconds === 3600) return "hour";
  if (seconds === 60) return "minute";
  if (seconds === 30 * DAY) return "month";
  return `${seconds} s`;
}

/** A field's value in display units: "100 M", "20/day", "10:1", "3×", "1 KB", "5 years", "80 %". */
export function formatFieldValue(id: FieldId, value: number): string {
  switch (FIELDS[id].unit) {
    case "count":
      return formatCount(value);
    case "perDay":
      return `${formatCount(value)}/day`;
    case "ratio":
      return `${formatCount(value)}:1`;
    case "factor":
      return formatFactor(value);
    case "copies":
      return `${value} cop${value === 1 ? "y" : "ies"}`;
    case "bytes":
      return formatBytes(value);
    case "years":
      return `${formatCount(value)} year${value === 1 ? "" : "s"}`;
    case "fraction":
      return formatPercent(value);
    case "perSecond":
      return formatPerSecond(value);
  }
}
