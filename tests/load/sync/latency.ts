/**
 * A mergeable latency histogram for the sync benchmark: 0.05 ms resolution up
 * to 100 ms, 1 ms above that (to 5 s). Load processes fill one each and the
 * orchestrator merges them, so percentiles cover every sample exactly once.
 */
const FINE_STEP_MS = 0.05;
const FINE_LIMIT_MS = 100;
const FINE_BUCKETS = FINE_LIMIT_MS / FINE_STEP_MS;
const COARSE_BUCKETS = 4900;
/** Latencies at or above this land in the last bucket: a quantile there means "this long or more". */
export const HISTOGRAM_CEILING_MS = FINE_LIMIT_MS + COARSE_BUCKETS;

export interface LatencyHistogram {
  counts: number[];
  count: number;
  max: number;
}

export const newHistogram = (): LatencyHistogram => ({
  counts: new Array<number>(FINE_BUCKETS + COARSE_BUCKETS + 1).fill(0),
  count: 0,
  max: 0,
});

export function record(h: LatencyHistogram, ms: number): void {
  const v = Math.max(0, ms);
  const i =
    v < FINE_LIMIT_MS
      ? Math.floor(v / FINE_STEP_MS)
      : Math.min(FINE_BUCKETS + Math.floor(v - FINE_LIMIT_MS), h.counts.length - 1);
  h.counts[i] = (h.counts[i] ?? 0) + 1;
  h.count++;
  if (v > h.max) h.max = v;
}

export function merge(into: LatencyHistogram, from: LatencyHistogram): void {
  for (let i = 0; i < from.counts.length; i++) into.counts[i] = (into.counts[i] ?? 0) + (from.counts[i] ?? 0);
  into.count += from.count;
  into.max = Math.max(into.max, from.max);
}

/** The upper edge of the bucket holding quantile `q` (0..1), in ms. */
export function quantile(h: LatencyHistogram, q: number): number {
  if (h.count === 0) return NaN;
  const target = Math.ceil(q * h.count);
  let seen = 0;
  for (let i = 0; i < h.counts.length; i++) {
    seen += h.counts[i] ?? 0;
    if (seen >= target) return i < FINE_BUCKETS ? (i + 1) * FINE_STEP_MS : FINE_LIMIT_MS + (i - FINE_BUCKETS + 1);
  }
  return h.max;
}
