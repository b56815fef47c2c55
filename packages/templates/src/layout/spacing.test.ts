import { describe, expect, it } from "vitest";
import { widenUntilClear, type GapSpan } from "./spacing.ts";

/** A layout whose cramped arrows are given per total column width, to steer the search. */
function scripted(crampedAt: (width: number) => number) {
  const seen: number[] = [];
  const layoutWith = (columns: readonly number[]) => {
    const width = columns.reduce((a, b) => a + b, 0);
    seen.push(width);
    const spans: GapSpan[] = Array.from({ length: crampedAt(width) }, () => ({ axis: "columns", gaps: [0] }));
    return { result: width, spans };
  };
  return { layoutWith, seen };
}

describe("widenUntilClear", () => {
  it("widens the gaps cramped arrows span until nothing is cramped", () => {
    const { layoutWith } = scripted((width) => (width < 60 ? 1 : 0));
    expect(widenUntilClear({ columns: [20, 20], rows: [] }, layoutWith, 8)).toBe(64);
  });

  it("keeps the layout with the fewest cramped arrows when it never clears", () => {
    // Two arrows cramped at first, one from width 50 to 80, then wider gaps crowd two again.
    const { layoutWith, seen } = scripted((width) => (width >= 50 && width <= 80 ? 1 : 2));
    const kept = widenUntilClear({ columns: [40], rows: [] }, layoutWith, 10, 6);
    expect(seen).toEqual([40, 50, 60, 70, 80, 90, 100]);
    expect(kept).toBe(50);
  });
});
