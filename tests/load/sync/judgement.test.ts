import { describe, expect, it } from "vitest";
import {
  defaultWorkers,
  estimatedGeneratorCpu,
  judgeRun,
  keepsUp,
  verdict,
  verdictsAgree,
  spreadPercent,
  type RunOutcome,
} from "./judgement.ts";

const run = (editP99Ms: number, more: Partial<RunOutcome> = {}): RunOutcome => ({
  editP99Ms,
  deliveredPercent: 100,
  valid: true,
  ...more,
});

describe("load processes", () => {
  const today = { clientsPerRoom: 2, editsPerSecond: 2, cursorsPerSecond: 20 };

  it("splits 500 rooms of today's load over enough processes that none is estimated above 60 % of a core", () => {
    const load = { ...today, rooms: 500 };
    const workers = defaultWorkers(load);
    expect(workers).toBeGreaterThan(1);
    expect(estimatedGeneratorCpu(load) / workers).toBeLessThanOrEqual(60);
    expect(estimatedGeneratorCpu(load) / (workers - 1)).toBeGreaterThan(60);
  });

  it("uses one process for a light load and never more processes than rooms", () => {
    expect(defaultWorkers({ ...today, rooms: 10 })).toBe(1);
    expect(defaultWorkers({ ...today, cursorsPerSecond: 10_000, rooms: 3 })).toBe(3);
  });

  it("counts every receiver of a message when a room has more clients", () => {
    const two = estimatedGeneratorCpu({ ...today, rooms: 100 });
    expect(estimatedGeneratorCpu({ ...today, clientsPerRoom: 4, rooms: 50 })).toBeCloseTo(two * 2);
  });
});

describe("a run's validity", () => {
  it("is valid when every load process stayed under its limits", () => {
    expect(
      judgeRun([
        { cpuPercent: 55, lagP99Ms: 4 },
        { cpuPercent: 70, lagP99Ms: 12 },
      ]),
    ).toEqual({
      valid: true,
      reasons: [],
    });
  });

  it("is INVALID, with the reason, when one load process was saturated or late", () => {
    const busy = judgeRun([
      { cpuPercent: 40, lagP99Ms: 3 },
      { cpuPercent: 95, lagP99Ms: 3 },
    ]);
    expect(busy.valid).toBe(false);
    expect(busy.reasons.join()).toMatch(/CPU 95 %/);
    const late = judgeRun([{ cpuPercent: 40, lagP99Ms: 150 }]);
    expect(late.valid).toBe(false);
    expect(late.reasons.join()).toMatch(/lag p99 150\.0 ms/);
  });
});

describe("verdicts", () => {
  it("names the faster server when both repeats agree", () => {
    const v = verdict([run(10), run(11)], [run(30), run(32)]);
    expect(v).toMatchObject({ kind: "ahead", leader: "first", why: "p99" });
    expect(v.kind === "ahead" && v.ratio).toBeCloseTo(Math.sqrt((10 / 30) * (11 / 32)));
  });

  it("gives none when the repeats disagree on who is ahead", () => {
    expect(verdict([run(10), run(40)], [run(20), run(20)])).toMatchObject({ kind: "none", reason: /disagree/ });
  });

  it("gives none when the repeats' ratios differ by more than 20 %", () => {
    expect(verdict([run(10), run(10)], [run(20), run(30)])).toMatchObject({ kind: "none", reason: /differ by 50 %/ });
  });

  it("gives none when any of the runs was INVALID", () => {
    expect(verdict([run(10), run(10, { valid: false })], [run(30), run(30)])).toMatchObject({
      kind: "none",
      reason: /INVALID/,
    });
  });

  it("puts the server that keeps up ahead of one that does not, whatever the p99s", () => {
    const stalled = run(400, { deliveredPercent: 60 });
    expect(keepsUp(stalled)).toBe(false);
    expect(verdict([run(900), run(500)], [stalled, stalled])).toMatchObject({
      kind: "ahead",
      leader: "first",
      why: "keeps up",
    });
  });

  it("gives none when neither server keeps up", () => {
    const stalled = run(5001, { deliveredPercent: 40 });
    expect(verdict([stalled, stalled], [stalled, stalled])).toMatchObject({ kind: "none", reason: "neither keeps up" });
  });

  it("needs two repeats", () => {
    expect(verdict([run(10)], [run(30)])).toMatchObject({ kind: "none" });
  });

  it("counts two sweeps as agreeing only with the same leader and ratios within 20 %", () => {
    const a = verdict([run(10), run(10)], [run(30), run(30)]);
    expect(verdictsAgree(a, verdict([run(11), run(11)], [run(30), run(30)]))).toBe(true);
    expect(verdictsAgree(a, verdict([run(15), run(15)], [run(30), run(30)]))).toBe(false);
    expect(verdictsAgree(a, verdict([run(30), run(30)], [run(10), run(10)]))).toBe(false);
  });
});

describe("spread between repeats", () => {
  it("is the range over the mean, in %", () => {
    expect(spreadPercent([90, 110])).toBeCloseTo(20);
    expect(spreadPercent([5])).toBeNaN();
  });
});
