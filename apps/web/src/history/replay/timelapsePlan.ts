/**
 * Which moments of a history a time-lapse shows: idle stretches shortened
 * hard (a pause to think becomes a blink), then the rest sped up so the whole
 * session fits a short video, sampled at a fixed frame rate. A 45-minute
 * session becomes half a minute; a short one plays at least `minSpeed` times
 * faster than it happened and lasts at least `minSeconds`.
 */
import { playbackTimeline } from "./playbackTimeline.ts";

export interface TimelapseOptions {
  /** Frames per second of the video. */
  fps?: number;
  /** The longest video (s). */
  maxSeconds?: number;
  /** The shortest video (s), so a short history is still watchable. */
  minSeconds?: number;
  /** Real time per video time at least, before `minSeconds` applies. */
  minSpeed?: number;
  /** Idle stretches longer than this (ms) are shortened to it. */
  maxIdleMs?: number;
  /** How long the finished board stays on screen at the end (s). */
  holdSeconds?: number;
}

export interface TimelapsePlan {
  readonly fps: number;
  /** The history time each frame shows, in order. */
  readonly frames: readonly number[];
  /** History time per video time (after idle stretches are shortened). */
  readonly speed: number;
}

const DEFAULTS: Required<TimelapseOptions> = {
  fps: 12,
  maxSeconds: 30,
  minSeconds: 3,
  minSpeed: 16,
  maxIdleMs: 2_000,
  holdSeconds: 1,
};

/** The frames of a time-lapse of the changes at `times` (non-decreasing epoch ms). */
export function planTimelapse(times: readonly number[], options: TimelapseOptions = {}): TimelapsePlan {
  const o = { ...DEFAULTS, ...options };
  if (!(o.fps > 0 && o.maxSeconds >= o.minSeconds && o.minSeconds > 0 && o.minSpeed > 0)) {
    throw new Error("A time-lapse needs a positive frame rate and lengths with minimum ≤ maximum.");
  }
  if (times.length === 0) throw new Error("This board has no history to make a time-lapse of.");
  const timeline = playbackTimeline(times, o.maxIdleMs);
  const wantedMs = timeline.duration / o.minSpeed;
  const videoMs = Math.min(o.maxSeconds * 1000, Math.max(o.minSeconds * 1000, wantedMs));
  const moving = Math.max(2, Math.round((videoMs / 1000) * o.fps));
  const frames: number[] = [];
  for (let i = 0; i < moving; i++) frames.push(timeline.toHistory((timeline.duration * i) / (moving - 1)));
  const hold = Math.round(o.holdSeconds * o.fps);
  for (let i = 0; i < hold; i++) frames.push(timeline.end);
  return { fps: o.fps, frames, speed: timeline.duration / videoMs };
}
