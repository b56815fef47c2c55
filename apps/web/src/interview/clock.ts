import { z } from "zod";

/**
 * The interview clock, shared by everyone in the room. It is stored as
 * start times and durations (never as a ticking counter), in server time, so
 * every participant computes the same phase and remaining time from their
 * own clock plus their measured offset to the server, after a reload, a
 * reconnect, or with a skewed system clock.
 */
export const PhaseSchema = z.object({
  id: z.string().min(1).max(40),
  label: z.string().min(1).max(60),
  minutes: z.number().positive().max(180),
});
export type Phase = z.infer<typeof PhaseSchema>;

export const ClockSchema = z.object({
  phases: z.array(PhaseSchema).min(1).max(12),
  status: z.enum(["ready", "running", "paused", "finished"]),
  phaseIndex: z.number().int().min(0),
  /** Server time (ms) when the current phase last started or resumed running. */
  runningSince: z.number().nullable(),
  /** Time already spent in the current phase before `runningSince` (pauses). */
  phaseElapsedBefore: z.number().min(0),
  /** How long each finished phase actually took (ms), by index. */
  actualMs: z.array(z.number().min(0)),
  /** Server time the interview started; null before. */
  startedAt: z.number().nullable(),
  /** Server time the interview ended; null before. */
  finishedAt: z.number().nullable(),
  /** Server time each finished phase ended, by index (absent on clocks from before it was kept). */
  endedAt: z.array(z.number()).optional(),
});
export type Clock = z.infer<typeof ClockSchema>;

export function newClock(phases: Phase[]): Clock {
  return {
    phases,
    status: "ready",
    phaseIndex: 0,
    runningSince: null,
    phaseElapsedBefore: 0,
    actualMs: [],
    startedAt: null,
    finishedAt: null,
  };
}

const phaseElapsed = (c: Clock, now: number) =>
  c.phaseElapsedBefore + (c.status === "running" && c.runningSince !== null ? Math.max(0, now - c.runningSince) : 0);

export interface ClockView {
  status: Clock["status"];
  phaseIndex: number;
  phase: Phase;
  /** Time spent in the current phase. */
  elapsedMs: number;
  /** Time left in the current phase (0 once over). */
  remainingMs: number;
  /** How far past its planned length the current phase is (0 when not over). */
  overrunMs: number;
  /** Planned length of the whole interview. */
  plannedTotalMs: number;
  /** Time spent in the interview so far, pauses excluded. */
  totalElapsedMs: number;
}

/** What the clock shows at `now` (server time). */
export function clockView(c: Clock, now: number): ClockView {
  const phase = c.phases[Math.min(c.phaseIndex, c.phases.length - 1)]!;
  const planned = phase.minutes * 60_000;
  const elapsed = c.status === "finished" ? 0 : phaseElapsed(c, now);
  return {
    status: c.status,
    phaseIndex: c.phaseIndex,
    phase,
    elapsedMs: elapsed,
    remainingMs: Math.max(0, planned - elapsed),
    overrunMs: Math.max(0, elapsed - planned),
    plannedTotalMs: c.phases.reduce((n, p) => n + p.minutes * 60_000, 0),
    totalElapsedMs: c.actualMs.reduce((n, ms) => n + ms, 0) + elapsed,
  };
}

export function startClock(c: Clock, now: number): Clock {
  if (c.status !== "ready") return c;
  return { ...c, status: "running", runningSince: now, startedAt: now, phaseElapsedBefore: 0 };
}

export function pauseClock(c: Clock, now: number): Clock {
  if (c.status !== "running") return c;
  return { ...c, status: "paused", phaseElapsedBefore: phaseElapsed(c, now), runningSince: null };
}

export function resumeClock(c: Clock, now: number): Clock {
  if (c.status !== "paused") return c;
  return { ...c, status: "running", runningSince: now };
}

/** Ends the current phase and starts the next; after the last phase the interview is finished. */
export function advanceClock(c: Clock, now: number): Clock {
  if (c.status === "ready" || c.status === "finished") return c;
  const actualMs = [...c.actualMs];
  actualMs[c.phaseIndex] = phaseElapsed(c, now);
  const endedAt = [...phaseEnds(c), now];
  const last = c.phaseIndex >= c.phases.length - 1;
  if (last) {
    return { ...c, status: "finished", actualMs, endedAt, runningSince: null, phaseElapsedBefore: 0, finishedAt: now };
  }
  return {
    ...c,
    phaseIndex: c.phaseIndex + 1,
    actualMs,
    endedAt,
    phaseElapsedBefore: 0,
    runningSince: c.status === "running" ? now : null,
  };
}

/**
 * When each finished phase ended (server time), by index. Clocks from before
 * end times were kept give an estimate: the start plus the phases' actual
 * lengths (pauses between them unknown).
 */
export function phaseEnds(c: Clock): number[] {
  const done = c.status === "finished" ? c.phases.length : c.phaseIndex;
  let estimate = c.startedAt ?? 0;
  const ends: number[] = [];
  for (let i = 0; i < done; i++) {
    estimate += c.actualMs[i] ?? 0;
    ends.push(c.endedAt?.[i] ?? estimate);
  }
  return ends;
}

/** Phases can be edited until the interview starts. */
export function setPhases(c: Clock, phases: Phase[]): Clock {
  if (c.status !== "ready") return c;
  return newClock(ClockSchema.shape.phases.parse(phases));
}

/** "04:59", "-01:05" for an overrun. */
export function formatClock(ms: number, negative = false): string {
  const total = Math.floor(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${negative ? "-" : ""}${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}
