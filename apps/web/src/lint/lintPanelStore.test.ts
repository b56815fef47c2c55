import { describe, expect, it } from "vitest";
import { stepIndex } from "./lintPanelStore.ts";

describe("stepping through a group", () => {
  it("starts at either end and wraps around", () => {
    expect(stepIndex(null, 1, 4)).toBe(0);
    expect(stepIndex(null, -1, 4)).toBe(3);
    expect(stepIndex(3, 1, 4)).toBe(0);
    expect(stepIndex(0, -1, 4)).toBe(3);
    expect(stepIndex(1, 1, 4)).toBe(2);
  });

  it("visits every element once per round", () => {
    const seen: number[] = [];
    let at: number | null = null;
    for (let i = 0; i < 7; i++) seen.push((at = stepIndex(at, 1, 7)));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
