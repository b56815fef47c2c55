import { describe, expect, it } from "vitest";
import { newClock, type Clock } from "../interview/clock.ts";
import { authorLanes, densityBins, fraction, phaseBands, timelineSpan, UNNAMED } from "./timelineModel.ts";

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

  it("lays the phases of a finished interview from its start, by their measured lengths on older clocks", () => {
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
    // A pause between phases: the recorded end times say when each phase really ended.
    const paused: Clock = {
      ...newClock(phases),
      status: "paused",
      phaseIndex: 1,
      startedAt: 0,
      actualMs: [5 * MIN],
      endedAt: [8 * MIN],
    };
    expect(phaseBands(paused, 12 * MIN).map((b) => [b.start, b.end])).toEqual([
      [0, 8 * MIN],
      [8 * MIN, 12 * MIN],
    ]);
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

describe("who drew", () => {
  it("gives each person a lane of their changes, one lane per name across visits", () => {
    const authors = new Map([
      [1, { name: "Ivy", color: "#7048e8" }],
      [2, { name: "Cai", color: "#2f9e44" }],
      [3, { name: "Ivy", color: "#7048e8" }], // Ivy again, after a reload
    ]);
    const activity = [
      { at: 0, clients: [1] },
      { at: 10, clients: [2] },
      { at: 60, clients: [3] },
      { at: 70, clients: [1, 3] }, // a thinned point with both of Ivy's visits counts once
      { at: 80, clients: [] }, // a checkpoint: nobody in particular
      { at: 90, clients: [9] },
    ];
    expect(authorLanes(activity, authors, { start: 0, end: 100 }, 2)).toEqual([
      { name: "Ivy", color: "#7048e8", bins: [1, 2], total: 3 },
      { name: "Cai", color: "#2f9e44", bins: [1, 0], total: 1 },
      { name: UNNAMED, color: "#868e96", bins: [0, 1], total: 1 },
    ]);
  });
});
