/** The frames of a time-lapse: a long session fits the longest video, idle stretches vanish, a short one stays watchable. */
import { describe, expect, it } from "vitest";
import { planTimelapse } from "./timelapsePlan.ts";

const MINUTE = 60_000;

describe("time-lapse plan", () => {
  it("fits a 45-minute session of 20,000 changes in 30 seconds, first to last change, in order", () => {
    const times = Array.from({ length: 20_000 }, (_, i) => 1_000_000 + Math.floor((i * 45 * MINUTE) / 20_000));
    const plan = planTimelapse(times, { fps: 12, maxSeconds: 30, holdSeconds: 1 });
    expect(plan.frames).toHaveLength(30 * 12 + 12);
    expect(plan.frames[0]).toBe(times[0]);
    expect(plan.frames.at(-1)).toBe(times.at(-1));
    expect(plan.frames.slice(-12).every((t) => t === times.at(-1))).toBe(true);
    expect([...plan.frames].sort((a, b) => a - b)).toEqual(plan.frames);
    expect(plan.speed).toBeCloseTo((45 * MINUTE) / 30_000, 0);
  });

  it("skips idle stretches: an hour's break takes no more frames than two seconds", () => {
    // A change a second for 20 s, an hour's break, ten more changes.
    const before = Array.from({ length: 21 }, (_, i) => i * 1_000);
    const after = Array.from({ length: 11 }, (_, i) => 20_000 + 60 * MINUTE + i * 1_000);
    const plan = planTimelapse([...before, ...after], { fps: 10, minSpeed: 1, maxIdleMs: 2_000, holdSeconds: 0 });
    // 32 s once the hour is shortened to 2 s: the break gets a sixteenth of the frames.
    const inBreak = plan.frames.filter((t) => t > 20_000 && t < 20_000 + 60 * MINUTE);
    expect(plan.frames).toHaveLength(300);
    expect(inBreak.length).toBeLessThanOrEqual(Math.ceil(300 / 16) + 1);
  });

  it("keeps a short history watchable and refuses an empty one", () => {
    const plan = planTimelapse([0, 1_000, 2_000], { fps: 10, minSeconds: 3, holdSeconds: 0 });
    expect(plan.frames).toHaveLength(30);
    expect(() => planTimelapse([])).toThrow(/no history/);
    expect(() => planTimelapse([0], { fps: 0 })).toThrow(/frame rate/);
  });
});
