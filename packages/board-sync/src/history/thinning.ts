/**
 * Thinning a history as it ages, so it stays bounded: every update is kept
 * while it is recent, then one point per minute with activity, then one per
 * hour, and past the oldest age kept everything collapses into one
 * checkpoint. A thinned point is the document exactly as it was at the end of
 * its minute or hour, so a board rebuilt there matches what people saw then.
 */
import * as Y from "yjs";
import type { HistoryEntry, HistoryPoint } from "./timeline.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long each resolution of history is kept (ages in ms). */
export interface ThinningPolicy {
  /** Younger than this, every update is kept. */
  readonly everyUpdateMs: number;
  /** Younger than this (and older than `everyUpdateMs`), one point per minute; older, one per hour. */
  readonly perMinuteMs: number;
  /** Older than this, history collapses into one checkpoint (the board as it was then). */
  readonly keepMs: number;
}

/** Every update for a day, per minute for a week, per hour up to 90 days. */
export const DEFAULT_THINNING: ThinningPolicy = { everyUpdateMs: DAY, perMinuteMs: 7 * DAY, keepMs: 90 * DAY };

/**
 * A policy from day/hour counts, each tier at least as long as the one
 * before. `keepDays: 0` keeps no history: everything collapses into the
 * newest checkpoint, as a store without history would merge its log.
 */
export function thinningPolicy(opts: {
  everyUpdateHours?: number;
  perMinuteDays?: number;
  keepDays?: number;
}): ThinningPolicy {
  if (opts.keepDays === 0) return { everyUpdateMs: 0, perMinuteMs: 0, keepMs: 0 };
  const everyUpdateMs = (opts.everyUpdateHours ?? 24) * HOUR;
  const perMinuteMs = Math.max(everyUpdateMs, (opts.perMinuteDays ?? 7) * DAY);
  return { everyUpdateMs, perMinuteMs, keepMs: Math.max(perMinuteMs, (opts.keepDays ?? 90) * DAY) };
}

/**
 * A run of consecutive entries `[from, to)` and what thinning makes of it:
 * `keep` leaves the entries as they are; `checkpoint` and `update` replace the
 * run with one entry of that kind, stored at the time of the run's last entry.
 */
export interface ThinningRun {
  readonly from: number;
  readonly to: number;
  readonly emit: "keep" | "checkpoint" | "update";
}

/** The bucket an entry falls in at `now`: null while it is kept as is. */
function bucketOf(at: number, now: number, policy: ThinningPolicy): string | null {
  const age = now - at;
  if (age < policy.everyUpdateMs) return null;
  if (age >= policy.keepMs) return "base";
  if (age < policy.perMinuteMs) return `m${Math.floor(at / MINUTE)}`;
  return `h${Math.floor(at / HOUR)}`;
}

/**
 * Plans thinning from the points alone (no bytes needed): the runs, in order,
 * covering every entry. Thinning an already thinned history plans only `keep`
 * runs, so {@link needsThinning} is cheap to ask on every compaction.
 *
 * Within the thinned part a checkpoint is written at least once per hour of
 * history, and per-minute points in between are updates on top of it, so a
 * rebuild there applies at most an hour's points.
 */
export function planThinning(points: readonly HistoryPoint[], now: number, policy: ThinningPolicy): ThinningRun[] {
  const runs: ThinningRun[] = [];
  let lastCheckpointHour: number | null = null;
  let i = 0;
  while (i < points.length) {
    const first = points[i] as HistoryPoint;
    const bucket = bucketOf(first.at, now, policy);
    if (bucket === null) {
      // Times never decrease: everything from here on is recent.
      runs.push({ from: i, to: points.length, emit: "keep" });
      break;
    }
    let to = i + 1;
    while (to < points.length && bucketOf((points[to] as HistoryPoint).at, now, policy) === bucket) to++;
    const last = points[to - 1] as HistoryPoint;
    const hour = Math.floor(last.at / HOUR);
    const wantCheckpoint = bucket === "base" || lastCheckpointHour !== hour || runs.length === 0;
    const single = to - i === 1;
    let emit: ThinningRun["emit"];
    if (single && (first.kind === "checkpoint" || !wantCheckpoint)) emit = "keep";
    else emit = wantCheckpoint ? "checkpoint" : "update";
    if (emit === "checkpoint" || (emit === "keep" && first.kind === "checkpoint")) lastCheckpointHour = hour;
    runs.push({ from: i, to, emit });
    i = to;
  }
  return mergeKeeps(runs);
}

/** Adjacent `keep` runs as one, so callers see what changes at a glance. */
function mergeKeeps(runs: ThinningRun[]): ThinningRun[] {
  const out: ThinningRun[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (prev && prev.emit === "keep" && run.emit === "keep") out[out.length - 1] = { ...prev, to: run.to };
    else out.push(run);
  }
  return out;
}

/** Whether thinning at `now` would change anything. */
export const needsThinning = (points: readonly HistoryPoint[], now: number, policy: ThinningPolicy): boolean =>
  planThinning(points, now, policy).some((r) => r.emit !== "keep");

/** One entry of a thinned history and the run of original entries it stands for. */
export interface ThinnedEntry extends HistoryEntry {
  /** Index range `[from, to)` of the original entries it replaces (one entry for a kept one). */
  readonly from: number;
  readonly to: number;
}

/**
 * What thinning at `now` changes, and the only stored bytes it needs:
 * entries `[readFrom, readTo)`, from the last checkpoint before the first
 * changed run to the end of the last one. Entries outside are left alone.
 */
export interface ThinningPlan {
  readonly now: number;
  /** The runs up to and including the last one that changes something. */
  readonly runs: readonly ThinningRun[];
  readonly readFrom: number;
  readonly readTo: number;
}

/**
 * Plans thinning at `now` from the points alone, or null when nothing would
 * change. A store reads the bytes of `[readFrom, readTo)` (synchronously or
 * not) and hands them to {@link applyThinning}.
 */
export function planThinningRead(
  points: readonly HistoryPoint[],
  now: number,
  policy: ThinningPolicy,
): ThinningPlan | null {
  const runs = planThinning(points, now, policy);
  const last = runs.findLastIndex((r) => r.emit !== "keep");
  if (last < 0) return null;
  const changed = runs.slice(0, last + 1);
  const first = changed.find((r) => r.emit !== "keep") as ThinningRun;
  let readFrom = 0;
  for (let i = first.from - 1; i >= 0; i--) {
    if ((points[i] as HistoryPoint).kind === "checkpoint") {
      readFrom = i;
      break;
    }
  }
  return { now, runs: changed, readFrom, readTo: (changed.at(-1) as ThinningRun).to };
}

/**
 * Carries out a plan: the entries that replace its changed runs, each with
 * the range of stored entries it replaces, in order. `bytes` are the stored
 * bytes of `[plan.readFrom, plan.readTo)`. At each thinned point the result
 * rebuilds the document exactly as the original did at that point's time.
 */
export function applyThinning(
  points: readonly HistoryPoint[],
  plan: ThinningPlan,
  bytes: readonly Uint8Array[],
): ThinnedEntry[] {
  if (bytes.length !== plan.readTo - plan.readFrom) {
    throw new Error(`thinning needs ${plan.readTo - plan.readFrom} stored entries, got ${bytes.length}`);
  }
  const out: ThinnedEntry[] = [];
  let doc = new Y.Doc();
  // The state vector at the last entry written, which the next per-minute update is relative to.
  let written = Y.encodeStateVector(doc);
  try {
    for (const run of plan.runs) {
      for (let i = Math.max(run.from, plan.readFrom); i < run.to; i++) {
        if ((points[i] as HistoryPoint).kind === "checkpoint") {
          // A checkpoint holds everything before it: start from it alone.
          doc.destroy();
          doc = new Y.Doc();
        }
        Y.applyUpdate(doc, bytes[i - plan.readFrom] as Uint8Array);
      }
      if (run.emit !== "keep") {
        const state = run.emit === "checkpoint" ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, written);
        const at = (points[run.to - 1] as HistoryPoint).at;
        out.push({ at, kind: run.emit, bytes: state, from: run.from, to: run.to });
      }
      if (run.to > plan.readFrom) written = Y.encodeStateVector(doc);
    }
    return out;
  } finally {
    doc.destroy();
  }
}

/**
 * The whole history thinned at `now` (in stored order): kept entries as they
 * are, changed runs replaced by what {@link applyThinning} makes of them.
 * The result rebuilds the same final document.
 */
export function thinHistory(entries: readonly HistoryEntry[], now: number, policy: ThinningPolicy): ThinnedEntry[] {
  const plan = planThinningRead(entries, now, policy);
  const replaced = plan
    ? applyThinning(
        entries,
        plan,
        entries.slice(plan.readFrom, plan.readTo).map((e) => e.bytes),
      )
    : [];
  const out: ThinnedEntry[] = [];
  let i = 0;
  for (const r of replaced) {
    for (; i < r.from; i++) out.push({ ...(entries[i] as HistoryEntry), from: i, to: i + 1 });
    out.push(r);
    i = r.to;
  }
  for (; i < entries.length; i++) out.push({ ...(entries[i] as HistoryEntry), from: i, to: i + 1 });
  return out;
}
