/**
 * The History panel's timeline as data, apart from drawing it: the span it
 * covers, how much happened in each slice of it, and, in an interview, when
 * each phase of the clock ran.
 */
import { phaseEnds, type Clock } from "../interview/clock.ts";

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
 * history): each finished phase ends when the clock recorded it ending (or,
 * on clocks from before that was kept, its start plus its measured length);
 * the current phase runs up to now. Nothing before the interview starts.
 */
export function phaseBands(clock: Clock, now: number): PhaseBand[] {
  if (clock.startedAt === null || clock.status === "ready") return [];
  const label = (i: number) => (clock.phases[Math.min(i, clock.phases.length - 1)] as Clock["phases"][number]).label;
  const bands: PhaseBand[] = [];
  let start = clock.startedAt;
  phaseEnds(clock).forEach((end, i) => {
    bands.push({ label: label(i), start, end: Math.max(start, end) });
    start = Math.max(start, end);
  });
  if (clock.status !== "finished") bands.push({ label: label(clock.phaseIndex), start, end: Math.max(start, now) });
  return bands;
}

/** One person's changes along the timeline. */
export interface AuthorLane {
  name: string;
  color: string;
  /** Changes in each slice of the span (as {@link densityBins}). */
  bins: number[];
  total: number;
}

/** A name for changes whose author left no name (made before names were kept, or by a script). */
export const UNNAMED = "Someone (name not recorded)";

/**
 * Who drew when: each person's changes in `bins` slices of the span, most
 * active first. Client ids with the same name and colour (one person's
 * visits) make one lane; changes with no known client are left out, those
 * with an unnamed client go to one {@link UNNAMED} lane.
 */
export function authorLanes(
  activity: readonly { at: number; clients: readonly number[] }[],
  authors: ReadonlyMap<number, { name: string; color: string }>,
  span: Span,
  bins: number,
): AuthorLane[] {
  const lanes = new Map<string, { name: string; color: string; times: number[] }>();
  for (const { at, clients } of activity) {
    const names = new Set<string>();
    for (const client of clients) {
      const who = authors.get(client) ?? { name: UNNAMED, color: "#868e96" };
      const key = `${who.name}\u0000${who.color}`;
      if (names.has(key)) continue;
      names.add(key);
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { name: who.name, color: who.color, times: [] }));
      lane.times.push(at);
    }
  }
  return [...lanes.values()]
    .map(({ name, color, times }) => ({ name, color, bins: densityBins(times, span, bins), total: times.length }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}
