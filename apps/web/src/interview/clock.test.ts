import { describe, expect, it } from "vitest";
import {
  advanceClock,
  clockView,
  formatClock,
  newClock,
  pauseClock,
  resumeClock,
  setPhases,
  startClock,
} from "./clock.ts";

const MIN = 60_000;
const phases = [
  { id: "clarify", label: "Clarify requirements", minutes: 5 },
  { id: "estimate", label: "Estimate scale", minutes: 5 },
  { id: "design", label: "High-level design", minutes: 15 },
];

describe("interview clock", () => {
  it("counts down the current phase from stored times, not ticks", () => {
    const t0 = 1_000_000;
    const c = startClock(newClock(phases), t0);
    expect(clockView(c, t0 + 2 * MIN)).toMatchObject({
      phaseIndex: 0,
      remainingMs: 3 * MIN,
      overrunMs: 0,
      status: "running",
    });
    // Anyone computing at the same server time sees the same thing, whenever they (re)loaded.
    expect(clockView(structuredClone(c), t0 + 2 * MIN)).toEqual(clockView(c, t0 + 2 * MIN));
  });

  it("reports an overrun when a phase runs long", () => {
    const c = startClock(newClock(phases), 0);
    expect(clockView(c, 6.5 * MIN)).toMatchObject({ remainingMs: 0, overrunMs: 1.5 * MIN });
  });

  it("pauses and resumes without losing or counting paused time", () => {
    let c = startClock(newClock(phases), 0);
    c = pauseClock(c, 1 * MIN);
    expect(clockView(c, 30 * MIN).elapsedMs).toBe(1 * MIN);
    c = resumeClock(c, 30 * MIN);
    expect(clockView(c, 31 * MIN).elapsedMs).toBe(2 * MIN);
  });

  it("advances through phases, recording actual durations, and finishes after the last", () => {
    let c = startClock(newClock(phases), 0);
    c = advanceClock(c, 7 * MIN);
    c = advanceClock(c, 10 * MIN);
    expect(clockView(c, 12 * MIN)).toMatchObject({ phaseIndex: 2, elapsedMs: 2 * MIN, totalElapsedMs: 12 * MIN });
    c = advanceClock(c, 25 * MIN);
    expect(c.status).toBe("finished");
    expect(c.actualMs).toEqual([7 * MIN, 3 * MIN, 15 * MIN]);
    expect(c.finishedAt).toBe(25 * MIN);
    expect(advanceClock(c, 26 * MIN)).toBe(c);
  });

  it("allows editing phases only before the start, and validates them", () => {
    const ready = newClock(phases);
    expect(setPhases(ready, [{ id: "x", label: "Only", minutes: 45 }]).phases).toHaveLength(1);
    expect(() => setPhases(ready, [])).toThrow();
    const running = startClock(ready, 0);
    expect(setPhases(running, [{ id: "x", label: "Only", minutes: 45 }])).toBe(running);
  });

  it("formats minutes and seconds", () => {
    expect(formatClock(4 * MIN + 59_999)).toBe("04:59");
    expect(formatClock(65_000, true)).toBe("-01:05");
  });
});
