/**
 * The rules `npm run bench:sync` judges its runs by, kept apart from the
 * measuring so they can be tested: how many load processes a load needs, when
 * a run measured the generator rather than the server (INVALID), when a
 * server stops keeping up, and when two repeats agree enough for a verdict.
 */

/** The load one run puts on a server. */
export interface LoadShape {
  rooms: number;
  clientsPerRoom: number;
  editsPerSecond: number;
  cursorsPerSecond: number;
}

/**
 * CPU a load process spends per message it sends or receives, in µs. Measured
 * on a quiet 2-core VM with the stamping, histograms and probes the load
 * processes carry: 8,800 and 17,600 messages a second kept one process at
 * 49–65 % and 98–100 % of a core, 56–74 µs a message (an older, leaner client
 * measured ~24 µs). The runs print each process's real CPU next to the
 * figures, which checks it.
 */
export const CPU_US_PER_MESSAGE = 60;
/** The share of a core the default `--workers` aims to keep each load process under. */
export const TARGET_GENERATOR_CPU = 60;
/**
 * A load process above this share of a core is saturated: it cannot absorb a
 * burst, so queueing inside it grows steeply (at 80 % utilisation a queue's
 * wait is already about 4× the service time) and lands in the latencies it stamps.
 */
export const MAX_GENERATOR_CPU = 80;
/**
 * A load process whose own 20 ms timer fires more than this late at p99 stamps
 * arrivals that late too. 20 ms is as much as the healthy servers' whole edit
 * p99 at 50–200 rooms, so beyond it the generator's delay is the same size
 * as the figure being compared.
 */
export const MAX_GENERATOR_LAG_P99_MS = 20;
/** A server keeps up while it delivers at least this share of the edits… */
export const MIN_DELIVERED_PERCENT = 99;
/** …with edit p99 under this: past a second a collaborator sees the board stall. */
export const MAX_KEEPING_UP_P99_MS = 1000;
/** Two repeats agree when their ratios are within this factor of each other. */
export const MAX_REPEAT_RATIO_SPREAD = 1.2;

/** Messages per second the load processes send and receive together. */
export function messagesPerSecond(load: LoadShape): number {
  const sent = load.rooms * load.clientsPerRoom * (load.editsPerSecond + load.cursorsPerSecond);
  return sent * load.clientsPerRoom; // each message is sent once and received by every other client in its room
}

/** Estimated CPU of all load processes together, in % of one core. */
export function estimatedGeneratorCpu(load: LoadShape): number {
  return (messagesPerSecond(load) * CPU_US_PER_MESSAGE) / 1e4;
}

/** Load processes needed so that none is estimated above {@link TARGET_GENERATOR_CPU}; never more than one per room. */
export function defaultWorkers(load: LoadShape): number {
  return Math.max(1, Math.min(load.rooms, Math.ceil(estimatedGeneratorCpu(load) / TARGET_GENERATOR_CPU)));
}

/** What one load process measured of itself over the measured window. */
export interface GeneratorFigures {
  cpuPercent: number;
  lagP99Ms: number;
}

export interface Validity {
  valid: boolean;
  /** Why not, one phrase per broken limit; empty when valid. */
  reasons: string[];
}

/** A run is INVALID when any of its load processes was saturated or late. */
export function judgeRun(generators: GeneratorFigures[]): Validity {
  const reasons: string[] = [];
  const cpu = Math.max(...generators.map((g) => g.cpuPercent));
  const lag = Math.max(...generators.map((g) => g.lagP99Ms));
  if (cpu > MAX_GENERATOR_CPU) reasons.push(`generator CPU ${cpu.toFixed(0)} % > ${MAX_GENERATOR_CPU} %`);
  if (lag > MAX_GENERATOR_LAG_P99_MS) {
    reasons.push(`generator lag p99 ${lag.toFixed(1)} ms > ${MAX_GENERATOR_LAG_P99_MS} ms`);
  }
  return { valid: reasons.length === 0, reasons };
}

/** The figures of one run a verdict needs. */
export interface RunOutcome {
  editP99Ms: number;
  deliveredPercent: number;
  valid: boolean;
}

export const keepsUp = (run: RunOutcome): boolean =>
  run.deliveredPercent >= MIN_DELIVERED_PERCENT && run.editP99Ms < MAX_KEEPING_UP_P99_MS;

export type Verdict =
  | { kind: "ahead"; leader: "first" | "second"; ratios: number[]; ratio: number; why: "p99" | "keeps up" }
  | { kind: "none"; reason: string; ratios: number[] };

const geoMean = (xs: number[]) => Math.exp(xs.reduce((n, x) => n + Math.log(x), 0) / xs.length);

/**
 * Compares two servers over repeated runs at one size (`first[i]` and
 * `second[i]` ran back to back under the same load). The ratio is first's
 * edit p99 over second's, per repeat. A verdict needs every run valid and the
 * repeats to agree: when exactly one server keeps up in every repeat, it is
 * ahead; when both keep up, the same one must be faster in every repeat, with
 * the ratios within {@link MAX_REPEAT_RATIO_SPREAD} of each other.
 */
export function verdict(first: RunOutcome[], second: RunOutcome[]): Verdict {
  const n = Math.min(first.length, second.length);
  const pairs = Array.from({ length: n }, (_, i) => [first[i] as RunOutcome, second[i] as RunOutcome] as const);
  const ratios = pairs.map(([a, b]) => a.editP99Ms / b.editP99Ms);
  if (n < 2) return { kind: "none", reason: "needs two repeats", ratios };
  if (pairs.some(([a, b]) => !a.valid || !b.valid)) return { kind: "none", reason: "a run was INVALID", ratios };
  const ratio = geoMean(ratios);
  const upA = pairs.map(([a]) => keepsUp(a));
  const upB = pairs.map(([, b]) => keepsUp(b));
  if (upA.every((u) => u) && upB.every((u) => !u))
    return { kind: "ahead", leader: "first", ratios, ratio, why: "keeps up" };
  if (upB.every((u) => u) && upA.every((u) => !u))
    return { kind: "ahead", leader: "second", ratios, ratio, why: "keeps up" };
  if (!(upA.every((u) => u) && upB.every((u) => u))) {
    // Past keeping up, p99 is a backlog's length (or the histogram's ceiling), not a server's speed.
    const neither = upA.every((u) => !u) && upB.every((u) => !u);
    return { kind: "none", reason: neither ? "neither keeps up" : "keeping up differs between repeats", ratios };
  }
  if (!ratios.every((r) => r < 1) && !ratios.every((r) => r > 1)) {
    return { kind: "none", reason: "repeats disagree on who is ahead", ratios };
  }
  const spread = Math.max(...ratios) / Math.min(...ratios);
  if (spread > MAX_REPEAT_RATIO_SPREAD) {
    return { kind: "none", reason: `repeats' ratios differ by ${((spread - 1) * 100).toFixed(0)} %`, ratios };
  }
  return { kind: "ahead", leader: ratio < 1 ? "first" : "second", ratios, ratio, why: "p99" };
}

/** Spread of repeated figures: (max − min) / mean, in %. */
export function spreadPercent(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return NaN;
  const mean = finite.reduce((n, v) => n + v, 0) / finite.length;
  return mean === 0 ? 0 : ((Math.max(...finite) - Math.min(...finite)) / mean) * 100;
}

/**
 * Whether two sweeps say the same at one size: both give a verdict, the same
 * server is ahead, and (when decided on p99) the ratios are within
 * {@link MAX_REPEAT_RATIO_SPREAD} of each other.
 */
export function verdictsAgree(a: Verdict, b: Verdict): boolean {
  if (a.kind !== "ahead" || b.kind !== "ahead" || a.leader !== b.leader || a.why !== b.why) return false;
  if (a.why === "keeps up") return true;
  return Math.max(a.ratio, b.ratio) / Math.min(a.ratio, b.ratio) <= MAX_REPEAT_RATIO_SPREAD;
}
