/**
 * Display units and the rounding rule, stated once:
 * - three significant digits, trailing zeros dropped (11,574 → "11.6 k", 1,000,000,000 → "1 B");
 * - counts in k, M, B, T (thousand, million, billion, trillion); bytes in B, KB, MB, GB,
 *   TB, PB, EB (powers of 1,000); rates with "/s" or "/day";
 * - a result shown rounded is written "≈", an exact one "=";
 * - server counts round up (a third of a server is still a server).
 */

/** The rounding rule in one sentence, for the panel and the CLI. */
export const ROUNDING_RULE =
  "Three significant digits (11,574 → 11.6 k); “≈” marks a rounded result; servers round up.";

const COUNT_STEPS: readonly [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
  [1e3, "k"],
];
const BYTE_STEPS: readonly [number, string][] = [
  [1e18, "EB"],
  [1e15, "PB"],
  [1e12, "TB"],
  [1e9, "GB"],
  [1e6, "MB"],
  [1e3, "KB"],
];

/** Three significant digits without trailing zeros: 11.574 → "11.6", 1000 → "1,000", 0.1 → "0.1". */
export function significant(v: number): string {
  if (!Number.isFinite(v)) return "—";
  if (v === 0) return "0";
  const rounded = Number(v.toPrecision(3));
  if (Math.abs(rounded) >= 1000) return Math.round(rounded).toLocaleString("en-US");
  return String(rounded);
}

/** True when `v` shows without rounding at three significant digits. */
export function isExact(v: number): boolean {
  if (v === 0 || !Number.isFinite(v)) return true;
  return Math.abs(Number(v.toPrecision(3)) - v) <= Math.abs(v) * 1e-9;
}

/** Rounded first, then scaled, so 999,999 shows "1 M" and not "1,000 k". */
function scaled(v: number, steps: readonly [number, string][], base: string): string {
  const r = Number(v.toPrecision(3));
  for (const [size, name] of steps) {
    if (Math.abs(r) >= size) return `${significant(r / size)} ${name}`;
  }
  return base ? `${significant(r)} ${base}` : significant(r);
}

/** A count: "100 M", "11.6 k", "347", "0.1". */
export function formatCount(v: number): string {
  return scaled(v, COUNT_STEPS, "");
}

/** Bytes: "1 KB", "200 GB", "1.1 PB", "500 B". */
export function formatBytes(v: number): string {
  return scaled(v, BYTE_STEPS, "B");
}

/** A rate of things per second: "11.6 k/s". */
export function formatPerSecond(v: number): string {
  return `${formatCount(v)}/s`;
}

/** A rate of things per day: "1 B/day". */
export function formatPerDay(v: number): string {
  return `${formatCount(v)}/day`;
}

/** Bytes per second: "6.94 MB/s". */
export function formatBytesPerSecond(v: number): string {
  return `${formatBytes(v)}/s`;
}

/** Bytes per day: "200 GB/day". */
export function formatBytesPerDay(v: number): string {
  return `${formatBytes(v)}/day`;
}

/** A share: 0.2 → "20 %". */
export function formatPercent(v: number): string {
  return `${significant(v * 100)} %`;
}

/** A multiplier: 3 → "3×". */
export function formatFactor(v: number): string {
  return `${significant(v)}×`;
}

/** A whole number with separators: 86400 → "86,400". */
export function formatInteger(v: number): string {
  return Math.round(v).toLocaleString("en-US");
}
