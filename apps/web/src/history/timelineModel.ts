/**
 * The History panel's timeline as data, apart from drawing it: the span it
 * covers, how much happened in each slice of it, and, in an interview, when
 * each phase of the clock ran.
 */
import type { Clock } from "../interview/clock.ts";

/** The stretch of time the timeline shows (epoch ms); `end > start` always. */
export interface Span {
  start: number;
  end: number;
}

/** The span covering every point and mark, widened to at least a minute so a new board is not a dot. */
export function timelineSpan(points: readonly number[], marks: readonly number[] = []): Span | null {
  const all = [...points, ...marks];
  if (all.length === 0) return null;
  let start = all[0] as number;
  let end = start;
  for (const t of all) {
    if (t < start) start = t;
    if (t > end) end = t;
  }
  return { start, end: Math.max(end, start + 60_000) };
}

/** Where `t` falls along the span, from 0 to 1. */
export const fraction = (span: Span, t: number) => Math.min(1, Math.max(0, (t - span.start) / (span.end - span.start)));

/**
 * How many changes fall in each of `bins` equal slices of the span (points
 * are sorted, so one pass): the timeline's activity density.
 */
export function densityBins(points: readonly number[], span: Span, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (span.end - span.start) / bins;
  for (const t of points) {
    if (t < span.start || t > span.end) continue;
    const i = Math.min(bins - 1, Math.floor((t - span.start) / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** One phase of an interview as it ran: a band on the timeline. */
export interface PhaseBand {
  label: string;
  start: number;
  end: number;
}

/**
 * When each phase of the interview clock ran (server time, like a room's
 * history). The clock stores how long each finished phase took, not when it
 * started, so bands are laid back from the current phase's start (or the end
 * of the interview): exact while nobody paused; a pause shifts the earlier
 * bands by its length. Nothing before the interview starts.
 */
export function phaseBands(clock: Clock, now: number): PhaseBand[] {
  if (clock.startedAt === null || clock.status === "ready") return [];
  const bands: PhaseBand[] = [];
  let end: number;
  let index: number;
  if (clock.status === "finished") {
    end = clock.finishedAt ?? now;
    index = clock.phases.length - 1;
  } else {
    index = Math.min(clock.phaseIndex, clock.phases.length - 1);
    const since = clock.runningSince ?? now;
    const start = Math.max(clock.startedAt, since - clock.phaseElapsedBefore);
    bands.push({ label: (clock.phases[index] as Clock["phases"][number]).label, start, end: Math.max(start, now) });
    end = start;
    index--;
  }
  for (; index >= 0; index--) {
    const start = Math.max(clock.startedAt, end - (clock.actualMs[index] ?? 0));
    bands.unshift({ label: (clock.phases[index] as Clock["phases"][number]).label, start, end });
    end = start;
  }
  return bands;
}
