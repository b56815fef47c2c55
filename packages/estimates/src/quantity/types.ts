import type { Qualifier } from "./units.ts";

/**
 * What a figure measures, in base units:
 * - `count`: things (users, requests, URLs): "100M DAU", "10k", "12k QPS" (with `perSeconds`);
 * - `bytes`: data: "2 KB", "5 TB/day" (with `perSeconds`), "2 MB/upload" (with `perItem`);
 * - `bits`: only as a bit rate: "1 Gbps" (always `perSeconds: 1`);
 * - `seconds`: a duration: "50 ms", "5 years";
 * - `fraction`: a percentage: "20%" is 0.2;
 * - `factor`: a multiplier: "3x", "×3";
 * - `ratio`: "100:1" (value 100, `parts` [100, 1]).
 */
export type QuantityUnit = "count" | "bytes" | "bits" | "seconds" | "fraction" | "factor" | "ratio";

/** A figure read from text: its value in base units and what it is a figure of. */
export interface Quantity {
  /** The value in base units (items, bytes, bits, seconds, a fraction, a multiplier). */
  readonly value: number;
  readonly unit: QuantityUnit;
  /** Time base of a rate in seconds: 1 for "/s" and "QPS", 86,400 for "/day". Absent for amounts. */
  readonly perSeconds?: number;
  /** What a size or count is per when that is not time: "2 MB/upload" → "upload". */
  readonly perItem?: string;
  /** What is counted, lower-cased as written: "users", "dau", "msgs", "queries" (for QPS). */
  readonly noun?: string;
  /** "~10k" → "~", "< 200 ms" → "<", "more than 1000 RPS" → ">". */
  readonly qualifier?: Qualifier;
  /** Both sides of a ratio. */
  readonly parts?: readonly [number, number];
  /** The text of the figure as written, e.g. "12k QPS". */
  readonly text: string;
  /** Where the figure starts in the text it was read from. */
  readonly index: number;
}

/** The result of reading one typed figure: the quantity, or one human sentence why not. */
export type ParseResult =
  { readonly ok: true; readonly quantity: Quantity } | { readonly ok: false; readonly message: string };
