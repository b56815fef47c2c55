import { describe, expect, it } from "vitest";
import { newClock, type Clock } from "../interview/clock.ts";
import { densityBins, fraction, phaseBands, timelineSpan } from "./timelineModel.ts";

const MIN = 60_000;
const phases = [
  { id: "a", label: "Clarify", minutes: 5 },
  { id: "b", label: "Design", minutes: 20 },
  { id: "c", label: "Deep dive", minutes: 15 },
];

describe("the History timeline", () => {
  it("spans every point and version mark, at least a minute wide", () => {
    expect(timelineSpan([])).toBeNull();
    expect(timelineSpan([1000])).toEqual({ start: 1000, end: 1000 + MIN });
    expect(timelineSpan([1000, 5 * MIN], [500])).toEqual({ start: 500, end: 5 * MIN });
    expect(fraction({ start: 0, end: 100 }, 25)).toBe(0.25);
    expect(fraction({ start: 0, end: 100 }, 250)).toBe(1);
  });

  it("counts the changes in each slice of time", () => {
    const span = { start: 0, end: 100 };
    expect(densityBins([0, 1, 2, 50, 99, 100], span, 4)).toEqual([3, 0, 1, 2]);
  });

  it("lays the phases of a finished interview back from its end", () => {
    const clock: Clock = {
      ...newClock(phases),
      status: "finished",
      phaseIndex: 2,
      startedAt: 0,
      finishedAt: 40 * MIN,
      actualMs: [5 * MIN, 22 * MIN, 13 * MIN],
    };
    expect(phaseBands(clock, 50 * MIN)).toEqual([
      { label: "Clarify", start: 0, end: 5 * MIN },
      { label: "Design", start: 5 * MIN, end: 27 * MIN },
      { label: "Deep dive", start: 27 * MIN, end: 40 * MIN },
    ]);
  });

  it("runs the current phase up to now, and shows nothing before the interview starts", () => {
    expect(phaseBands(newClock(phases), 10 * MIN)).toEqual([]);
    const running: Clock = {
      ...newClock(phases),
      status: "running",
      phaseIndex: 1,
      startedAt: 0,
      runningSince: 6 * MIN,
      phaseElapsedBefore: 0,
      actualMs: [6 * MIN],
    };
    expect(phaseBands(running, 10 * MIN)).toEqual([
      { label: "Clarify", start: 0, end: 6 * MIN },
      { label: "Design", start: 6 * MIN, end: 10 * MIN },
    ]);
  });
});
