import type { Quantity } from "./types.ts";
import { AUDIENCE_RE } from "./units.ts";

/**
 * What a figure is a figure of, in the terms of an estimate and of the diagram check:
 * - `rate`: things per unit of time ("12k QPS", "500/s", "1B/day", "5M uploads/day");
 * - `size`: data ("2 KB", "5 TB/day", "2 MB/upload");
 * - `bandwidth`: data or bits per second ("1 Gbps", "6.25 TB/s");
 * - `latency`: a sub-second duration ("50 ms", "300 µs");
 * - `users`: an audience ("100M DAU", "10 million users");
 * - `duration`, `count`, `fraction`, `factor`, `ratio`: the rest ("5 years", "10k", "20%", "3x", "100:1").
 */
export type Measure =
  "rate" | "size" | "bandwidth" | "latency" | "users" | "duration" | "count" | "fraction" | "factor" | "ratio";

/** Classifies a quantity (see `Measure`). */
export function measureOf(q: Quantity): Measure {
  switch (q.unit) {
    case "bits":
      return "bandwidth";
    case "bytes":
      return q.perSeconds !== undefined && q.perSeconds <= 1 ? "bandwidth" : "size";
    case "seconds":
      return q.value < 1 ? "latency" : "duration";
    case "count":
      if (q.perSeconds !== undefined) return "rate";
      return q.noun && isAudience(q.noun) ? "users" : "count";
    default:
      return q.unit;
  }
}

/** "users", "daily active users", "DAU": the noun names an audience. */
export function isAudience(noun: string): boolean {
  return noun.split(" ").some((w) => AUDIENCE_RE.test(w));
}

/** A rate's value per second (undefined for amounts). */
export function perSecond(q: Quantity): number | undefined {
  return q.perSeconds === undefined ? undefined : q.value / q.perSeconds;
}
