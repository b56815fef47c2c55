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
  /** False for an original entry kept as it is: a store leaves its row alone. */
  readonly changed: boolean;
}

/**
 * Where thinning has to start reading bytes: the last checkpoint before the
 * first run it changes (entries before it are kept and not needed), or 0.
 */
export function thinningReadsFrom(points: readonly HistoryPoint[], runs: readonly ThinningRun[]): number {
  const first = runs.find((r) => r.emit !== "keep");
  if (!first) return points.length;
  for (let i = first.from - 1; i >= 0; i--) if ((points[i] as HistoryPoint).kind === "checkpoint") return i;
  return 0;
}

/**
 * Thins `entries` (in stored order) as {@link planThinning} plans at `now`.
 * The result rebuilds the same final document, and at each kept or thinned
 * point the same document as the original did at that point's time. Only
 * entries from {@link thinningReadsFrom} on are read, so a store may pass
 * the older ones without their bytes.
 */
export function thinHistory(entries: readonly HistoryEntry[], now: number, policy: ThinningPolicy): ThinnedEntry[] {
  const runs = planThinning(entries, now, policy);
  const readFrom = thinningReadsFrom(entries, runs);
  const lastChanged = runs.findLastIndex((r) => r.emit !== "keep");
  const out: ThinnedEntry[] = [];
  const keep = (e: HistoryEntry, i: number) => out.push({ ...e, from: i, to: i + 1, changed: false });
  let doc = new Y.Doc();
  // The state vector at the last entry written, which the next per-minute update is relative to.
  let written = Y.encodeStateVector(doc);
  try {
    runs.forEach((run, r) => {
      if (r > lastChanged) {
        // Nothing after this needs the state: copy the rest as it is.
        for (let i = run.from; i < run.to; i++) keep(entries[i] as HistoryEntry, i);
        return;
      }
      for (let i = Math.max(run.from, readFrom); i < run.to; i++) {
        const e = entries[i] as HistoryEntry;
        if (e.kind === "checkpoint") {
          // A checkpoint holds everything before it: start from it alone.
          doc.destroy();
          doc = new Y.Doc();
        }
        Y.applyUpdate(doc, e.bytes);
      }
      if (run.emit === "keep") {
        for (let i = run.from; i < run.to; i++) keep(entries[i] as HistoryEntry, i);
      } else {
        const bytes = run.emit === "checkpoint" ? Y.encodeStateAsUpdate(doc) : Y.encodeStateAsUpdate(doc, written);
        const at = (entries[run.to - 1] as HistoryEntry).at;
        out.push({ at, kind: run.emit, bytes, from: run.from, to: run.to, changed: true });
      }
      if (run.to > readFrom) written = Y.encodeStateVector(doc);
    });
    return out;
  } finally {
    doc.destroy();
  }
}
