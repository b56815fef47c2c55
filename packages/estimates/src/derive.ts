/**
 * The back-of-the-envelope arithmetic (requests/day = users × per user per day; average
 * QPS = per day / 86,400 s; peak = average × factor; storage = items/day × bytes ×
 * days × copies; bandwidth = QPS × bytes). Every derived figure carries its formula in
 * words and in numbers, so the candidate can check each step.
 */
import { FIELDS, readInputs, type EstimateInputs, type EstimateTexts } from "./fields.ts";
import {
  formatBytes,
  formatBytesPerDay,
  formatBytesPerSecond,
  formatCount,
  formatFactor,
  formatInteger,
  formatPerDay,
  formatPerSecond,
  formatPercent,
  isExact,
} from "./format.ts";

export const DERIVED_IDS = [
  "requestsPerDay",
  "avgQps",
  "peakQps",
  "readsPerDay",
  "avgReadQps",
  "peakReadQps",
  "writesPerDay",
  "avgWriteQps",
  "peakWriteQps",
  "storagePerDay",
  "storagePerYear",
  "storageRetained",
  "bandwidthIn",
  "bandwidthOut",
  "cacheMemory",
  "dbReadQps",
  "servers",
] as const;
export type DerivedId = (typeof DERIVED_IDS)[number];

/** How a derived value is shown. */
export type DerivedUnit = "perDay" | "perSecond" | "bytes" | "bytesPerDay" | "bytesPerSecond" | "servers";

export interface DerivedFigure {
  readonly id: DerivedId;
  readonly label: string;
  /** Unrounded, in base units: things or bytes, per second or per day as `unit` says. */
  readonly value: number;
  readonly unit: DerivedUnit;
  /** The value in display units: "11.6 k/s". */
  readonly display: string;
  /** The formula in words: "reads per day / 86,400 s". */
  readonly words: string;
  /** The formula with its numbers: "1 B/day / 86,400 s ≈ 11.6 k/s". */
  readonly numbers: string;
}

/** An estimate worked through: its inputs, the derived figures, and the assumptions used. */
export interface Estimate {
  readonly inputs: EstimateInputs;
  readonly figures: readonly DerivedFigure[];
  /** Defaults and inferences, in words: "Peak factor 3× (default)". */
  readonly assumptions: readonly string[];
}

export const SECONDS_PER_DAY = 86_400;
const DAYS_PER_YEAR = 365;

const SHOW: Readonly<Record<DerivedUnit, (v: number) => string>> = {
  perDay: formatPerDay,
  perSecond: formatPerSecond,
  bytes: formatBytes,
  bytesPerDay: formatBytesPerDay,
  bytesPerSecond: formatBytesPerSecond,
  servers: (v) => `${formatInteger(v)} server${v === 1 ? "" : "s"}`,
};

/** The estimate of inputs as typed: those that read are worked through, the others left out. */
export function estimateFromTexts(texts: EstimateTexts): Estimate {
  return deriveEstimate(readInputs(texts).inputs);
}

/** Works an estimate through from whatever inputs are stated; figures whose inputs are missing are left out. */
export function deriveEstimate(inputs: EstimateInputs): Estimate {
  const figures: DerivedFigure[] = [];
  const assumptions: string[] = [];
  const add = (id: DerivedId, label: string, value: number, unit: DerivedUnit, words: string, steps: string) => {
    const display = SHOW[unit](value);
    const sign = unit === "servers" ? "→" : isExact(value) ? "=" : "≈";
    const f: DerivedFigure = { id, label, value, unit, display, words, numbers: `${steps} ${sign} ${display}` };
    figures.push(f);
    return f;
  };
  const { reads, writes } = splitActions(inputs, assumptions);
  const peak = inputs.peakFactor ?? FIELDS.peakFactor.default!;
  if (inputs.peakFactor === undefined) assumptions.push(`Peak factor ${formatFactor(peak)} (default)`);
  const dau = inputs.dau;
  const traffic = (prefix: "requests" | "reads" | "writes", perUser: number | undefined, perUserWords: string) => {
    if (dau === undefined || perUser === undefined) return undefined;
    const noun = prefix === "requests" ? "Requests" : prefix === "reads" ? "Reads" : "Writes";
    const qpsWord = prefix === "requests" ? "" : prefix === "reads" ? " read" : " write";
    const id = (s: string) => (prefix === "requests" ? `${s}Qps` : `${s}${noun.slice(0, -1)}Qps`) as DerivedId;
    const perDay = add(
      `${prefix}PerDay` as DerivedId,
      `${noun} per day`,
      dau * perUser,
      "perDay",
      `daily active users × ${perUserWords}`,
      `${formatCount(dau)} × ${formatCount(perUser)}`,
    );
    const avg = add(
      id("avg"),
      `Average${qpsWord} QPS`,
      perDay.value / SECONDS_PER_DAY,
      "perSecond",
      `${prefix} per day / 86,400 s`,
      `${perDay.display} / 86,400 s`,
    );
    const peakFig = add(
      id("peak"),
      `Peak${qpsWord} QPS`,
      avg.value * peak,
      "perSecond",
      `average${qpsWord} QPS × peak factor`,
      `${avg.display} × ${formatCount(peak)}`,
    );
    return { perDay, avg, peak: peakFig };
  };
  if (reads !== undefined && writes !== undefined) traffic("requests", reads + writes, "(reads + writes) per user");
  else if (inputs.actionsPerUser !== undefined) traffic("requests", inputs.actionsPerUser, "actions per user");
  const r = traffic("reads", reads, "reads per user");
  const w = traffic("writes", writes, "writes per user");

  const writeSize = inputs.writeSize;
  let readSize = inputs.readSize;
  if (readSize === undefined && writeSize !== undefined && r) {
    readSize = writeSize;
    assumptions.push(`Read size ${formatBytes(writeSize)}, the same as a write (assumed)`);
  }
  if (w && writeSize !== undefined) {
    const day = add(
      "storagePerDay",
      "Storage per day",
      w.perDay.value * writeSize,
      "bytesPerDay",
      "writes per day × payload size",
      `${w.perDay.display} × ${formatBytes(writeSize)}`,
    );
    const year = add(
      "storagePerYear",
      "Storage per year",
      day.value * DAYS_PER_YEAR,
      "bytes",
      "storage per day × 365 days",
      `${day.display} × 365`,
    );
    if (inputs.retention !== undefined) {
      const copies = inputs.replication ?? FIELDS.replication.default!;
      if (inputs.replication === undefined) assumptions.push(`Replication ${formatFactor(copies)} (default)`);
      add(
        "storageRetained",
        "Storage for the retention",
        year.value * inputs.retention * copies,
        "bytes",
        "storage per year × retention × replication",
        `${year.display} × ${formatCount(inputs.retention)} year${inputs.retention === 1 ? "" : "s"} × ${copies} cop${copies === 1 ? "y" : "ies"}`,
      );
    }
    add(
      "bandwidthIn",
      "Bandwidth in (peak)",
      w.peak.value * writeSize,
      "bytesPerSecond",
      "peak write QPS × payload size",
      `${w.peak.display} × ${formatBytes(writeSize)}`,
    );
  }
  if (r && readSize !== undefined) {
    add(
      "bandwidthOut",
      "Bandwidth out (peak)",
      r.peak.value * readSize,
      "bytesPerSecond",
      "peak read QPS × read size",
      `${r.peak.display} × ${formatBytes(readSize)}`,
    );
    const hot = inputs.hotSetShare ?? FIELDS.hotSetShare.default!;
    if (inputs.hotSetShare === undefined) assumptions.push(`Hot set ${formatPercent(hot)} of a day's reads (default)`);
    add(
      "cacheMemory",
      "Cache memory (hot set)",
      r.perDay.value * hot * readSize,
      "bytes",
      "reads per day × hot set × read size",
      `${r.perDay.display} × ${formatPercent(hot)} × ${formatBytes(readSize)}`,
    );
  }
  if (r && inputs.cacheHitRatio !== undefined) {
    add(
      "dbReadQps",
      "Database reads at peak (cache misses)",
      r.peak.value * (1 - inputs.cacheHitRatio),
      "perSecond",
      "peak read QPS × (1 − cache hit ratio)",
      `${r.peak.display} × (1 − ${formatPercent(inputs.cacheHitRatio)})`,
    );
  }
  const peakTotal = figures.find((f) => f.id === "peakQps") ?? r?.peak ?? w?.peak;
  if (peakTotal && inputs.serverQps !== undefined) {
    add(
      "servers",
      "Servers at peak",
      Math.max(1, Math.ceil(peakTotal.value / inputs.serverQps)),
      "servers",
      `${peakTotal.label.replace(/^Peak/, "peak")} / QPS one server handles, rounded up`,
      `${peakTotal.display} / ${formatPerSecond(inputs.serverQps)}`,
    );
  }
  return { inputs, figures, assumptions };
}

/**
 * Reads and writes per user from what was stated: both directly, one of them and the
 * read:write ratio, or actions per user split by the ratio.
 */
function splitActions(inputs: EstimateInputs, assumptions: string[]): { reads?: number; writes?: number } {
  const { readsPerUser: reads, writesPerUser: writes, actionsPerUser: actions, readWriteRatio: ratio } = inputs;
  if (ratio === undefined || (reads !== undefined && writes !== undefined)) return { reads, writes };
  const r = formatCount(ratio);
  if (writes !== undefined) {
    assumptions.push(
      `Reads per user ${formatCount(writes * ratio)} = ${counted(writes, "write")} × ${r} (read:write ratio)`,
    );
    return { reads: writes * ratio, writes };
  }
  if (reads !== undefined) {
    assumptions.push(
      `Writes per user ${formatCount(reads / ratio)} = ${counted(reads, "read")} / ${r} (read:write ratio)`,
    );
    return { reads, writes: reads / ratio };
  }
  if (actions !== undefined) {
    const w = actions / (ratio + 1);
    assumptions.push(
      `${formatCount(actions)} actions per user split ${r}:1 into ${counted(actions - w, "read")} and ${counted(w, "write")}`,
    );
    return { reads: actions - w, writes: w };
  }
  return {};
}

/** "1 write", "0.1 writes", "10 reads": the number as displayed, and the word to match it. */
function counted(n: number, word: string): string {
  const shown = formatCount(n);
  return `${shown} ${word}${shown === "1" ? "" : "s"}`;
}

/** One derived figure by id. */
export function figureOf(estimate: Estimate, id: DerivedId): DerivedFigure | undefined {
  return estimate.figures.find((f) => f.id === id);
}
