/**
 * Playback time for a board's history: the history's own time with its idle
 * stretches shortened, so a replay or a time-lapse does not sit on an
 * unchanged board through a coffee break (or the night between two sittings).
 * A gap between two changes longer than `maxIdleMs` plays in `maxIdleMs`;
 * inside it history time runs faster, so the clock shown still moves.
 */

/** Maps playback time (ms from the start) to history time (epoch ms) and back. */
export interface PlaybackTimeline {
  /** History time of the first change. */
  readonly start: number;
  /** History time of the last change. */
  readonly end: number;
  /** Playback length of the whole history (ms). */
  readonly duration: number;
  /** The history time shown at playback time `ms` (clamped to the history). */
  toHistory: (ms: number) => number;
  /** The playback time at which history time `at` is shown (clamped). */
  toPlayback: (at: number) => number;
}

/**
 * A playback timeline over change times (non-decreasing epoch ms), with every
 * idle gap longer than `maxIdleMs` shortened to `maxIdleMs`.
 */
export function playbackTimeline(times: readonly number[], maxIdleMs: number): PlaybackTimeline {
  if (!(maxIdleMs > 0)) throw new Error("The longest idle stretch must be a positive number of milliseconds.");
  const at = times.length === 0 ? [0] : [...times];
  // offsets[i]: playback time of change i.
  const offsets = new Float64Array(at.length);
  for (let i = 1; i < at.length; i++) {
    offsets[i] = (offsets[i - 1] as number) + Math.min((at[i] as number) - (at[i - 1] as number), maxIdleMs);
  }
  const start = at[0] as number;
  const end = at[at.length - 1] as number;
  const duration = offsets[at.length - 1] as number;
  /** Index of the last element of `xs` at or below `x` (0 when none). */
  const floorIndex = (xs: ArrayLike<number>, x: number) => {
    let lo = 0;
    let hi = xs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((xs[mid] as number) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    start,
    end,
    duration,
    toHistory(ms) {
      if (ms <= 0) return start;
      if (ms >= duration) return end;
      const i = floorIndex(offsets, ms);
      const gap = (at[i + 1] as number) - (at[i] as number);
      const played = (offsets[i + 1] as number) - (offsets[i] as number);
      return (at[i] as number) + ((ms - (offsets[i] as number)) * gap) / played;
    },
    toPlayback(t) {
      if (t <= start) return 0;
      if (t >= end) return duration;
      const i = floorIndex(at, t);
      const gap = (at[i + 1] as number) - (at[i] as number);
      const played = (offsets[i + 1] as number) - (offsets[i] as number);
      return (offsets[i] as number) + (gap === 0 ? 0 : ((t - (at[i] as number)) * played) / gap);
    },
  };
}
