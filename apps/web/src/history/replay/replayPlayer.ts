/**
 * Playing a board's history: play from any moment at 1×, 4×, 16× or 60×,
 * pause, step to the next change, seek. The player advances playback time by
 * the wall time between frames times the speed (idle stretches shortened, see
 * playbackTimeline.ts), moves the cursor there and tells its listeners. The
 * finding count is linted at most once per `lintEveryMs` of wall time while
 * playing (and at once when paused, stepped or ended), so a fast replay of a
 * busy board does not lint every frame.
 */
import { playbackTimeline, type PlaybackTimeline } from "./playbackTimeline.ts";
import type { ReplayCursor, ReplayMoment } from "./replayCursor.ts";

/** The speeds offered. */
export const REPLAY_SPEEDS = [1, 4, 16, 60] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Frame scheduling and wall time; the browser's by default, a test's own otherwise. */
export interface Ticker {
  now: () => number;
  /** Calls `frame` once, before the next repaint; returns a cancel. */
  request: (frame: () => void) => () => void;
}

export const browserTicker: Ticker = {
  now: () => performance.now(),
  request: (frame) => {
    const id = requestAnimationFrame(() => frame());
    return () => cancelAnimationFrame(id);
  },
};

/** What the replay shows now. */
export interface ReplayState {
  readonly playing: boolean;
  readonly speed: ReplaySpeed;
  /** The last change is shown and nothing is left to play. */
  readonly ended: boolean;
  readonly moment: ReplayMoment;
  /** Findings of the diagram check at `findingsAt`, the latest change linted. */
  readonly findings: number;
  readonly findingsAt: number;
  /** Playback position and length (ms), for a progress bar. */
  readonly position: number;
  readonly duration: number;
}

export interface PlayerOptions {
  ticker?: Ticker;
  /** Idle stretches longer than this (history ms) play in this long. */
  maxIdleMs?: number;
  /** While playing, lint at most this often (wall ms). */
  lintEveryMs?: number;
  /**
   * The most wall time one frame advances playback by (ms): after a slow frame
   * (the past view opening, a busy machine) the replay slows down rather than
   * skipping a stretch of history nobody saw.
   */
  maxFrameMs?: number;
  /** Where playback starts (history time); the first change by default. */
  from?: number;
}

/** Plays one history; call {@link dispose} when done. */
export class ReplayPlayer {
  private readonly timeline: PlaybackTimeline;
  private readonly ticker: Ticker;
  private readonly lintEveryMs: number;
  private readonly maxFrameMs: number;
  private readonly listeners = new Set<(state: ReplayState) => void>();
  private position: number;
  private speed: ReplaySpeed = 1;
  private playing = false;
  private cancelFrame: (() => void) | null = null;
  private lastFrame = 0;
  private lastLint = Number.NEGATIVE_INFINITY;
  private findings = 0;
  private findingsAt = 0;
  private current!: ReplayState;

  constructor(
    private readonly cursor: ReplayCursor,
    options: PlayerOptions = {},
  ) {
    this.ticker = options.ticker ?? browserTicker;
    this.lintEveryMs = options.lintEveryMs ?? 250;
    this.maxFrameMs = options.maxFrameMs ?? 100;
    this.timeline = playbackTimeline(cursor.times, options.maxIdleMs ?? 5_000);
    this.position = this.timeline.toPlayback(options.from ?? this.timeline.start);
    this.show(true);
  }

  /** The current state. */
  get state(): ReplayState {
    return this.current;
  }

  /** Calls `listener` with every new state; returns an unsubscribe. */
  subscribe(listener: (state: ReplayState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Plays from the current position (from the start again once ended). */
  play(): void {
    if (this.playing) return;
    if (this.position >= this.timeline.duration) this.position = 0;
    this.playing = true;
    this.lastFrame = this.ticker.now();
    this.show(false);
    this.schedule();
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.show(true);
  }

  setSpeed(speed: ReplaySpeed): void {
    if (!REPLAY_SPEEDS.includes(speed)) throw new Error(`Replay speed must be one of ${REPLAY_SPEEDS.join(", ")}.`);
    this.speed = speed;
    this.show(!this.playing);
  }

  /** Pauses and shows the next change after the one shown (nothing when at the last). */
  step(): void {
    this.pause();
    const shown = this.current.moment.at;
    const next = this.cursor.times.find((t) => t > shown);
    if (next === undefined) return;
    this.position = this.timeline.toPlayback(next);
    this.show(true);
  }

  /** Shows history time `at` (keeps playing if playing). */
  seek(at: number): void {
    this.position = this.timeline.toPlayback(at);
    this.lastFrame = this.ticker.now();
    this.show(!this.playing);
  }

  /** Stops playing and frees the cursor. */
  dispose(): void {
    this.pause();
    this.listeners.clear();
    this.cursor.destroy();
  }

  private schedule() {
    this.cancelFrame = this.ticker.request(() => this.frame());
  }

  private frame() {
    this.cancelFrame = null;
    if (!this.playing) return;
    const now = this.ticker.now();
    const wall = Math.min(now - this.lastFrame, this.maxFrameMs);
    this.position = Math.min(this.timeline.duration, this.position + wall * this.speed);
    this.lastFrame = now;
    if (this.position >= this.timeline.duration) {
      this.playing = false;
      this.show(true);
      return;
    }
    this.show(false);
    this.schedule();
  }

  /** Moves the cursor to the position and tells the listeners; `settled` lints at once. */
  private show(settled: boolean) {
    const at = this.timeline.toHistory(this.position);
    this.cursor.seek(at);
    const wall = this.ticker.now();
    if (this.cursor.hasFindingCount() || settled || wall - this.lastLint >= this.lintEveryMs) {
      if (!this.cursor.hasFindingCount()) this.lastLint = wall;
      this.findings = this.cursor.findingCount();
      this.findingsAt = at;
    }
    this.current = {
      playing: this.playing,
      speed: this.speed,
      ended: this.position >= this.timeline.duration,
      moment: this.cursor.moment(at),
      findings: this.findings,
      findingsAt: this.findingsAt,
      position: this.position,
      duration: this.timeline.duration,
    };
    for (const listener of this.listeners) listener(this.current);
  }
}
