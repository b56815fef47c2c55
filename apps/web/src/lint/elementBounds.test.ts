import { describe, expect, it } from "vitest";
import { elementBounds, readingOrder, type Bounds } from "./elementBounds.ts";

const box = (x: number, y: number, w = 100, h = 60): Bounds => ({ minX: x, minY: y, maxX: x + w, maxY: y + h });

describe("elementBounds", () => {
  it("spans an arrow's points, not its stale box", () => {
    const arrow = {
      x: 100,
      y: 50,
      width: 0,
      height: 0,
      points: [
        [0, 0],
        [80, -30],
        [200, 40],
      ] as [number, number][],
    };
    expect(elementBounds(arrow)).toEqual({ minX: 100, minY: 20, maxX: 300, maxY: 90 });
  });

  it("uses the box of shapes and text", () => {
    expect(elementBounds({ x: -10, y: 5, width: 30, height: 40 })).toEqual({ minX: -10, minY: 5, maxX: 20, maxY: 45 });
  });
});

describe("readingOrder", () => {
  it("reads rows top to bottom, each left to right", () => {
    const at: Record<string, Bounds> = {
      c: box(600, 0),
      a: box(0, 0),
      b: box(300, 0),
      f: box(600, 300),
      d: box(0, 300),
      e: box(300, 300),
    };
    expect(readingOrder(["f", "c", "e", "a", "d", "b"], (id) => at[id])).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("keeps boxes drawn roughly side by side in one row", () => {
    // b sits 25 px lower than a but is clearly next to it; c is the next row.
    const at: Record<string, Bounds> = { a: box(400, 0), b: box(0, 25), c: box(200, 200) };
    expect(readingOrder(["a", "b", "c"], (id) => at[id])).toEqual(["b", "a", "c"]);
  });

  it("does not let one tall element swallow the rows beside it", () => {
    const at: Record<string, Bounds> = {
      tall: box(0, 0, 20, 2000),
      top: box(300, 0),
      lower: box(100, 1500),
    };
    expect(readingOrder(["lower", "tall", "top"], (id) => at[id])).toEqual(["top", "tall", "lower"]);
  });

  it("puts elements it cannot place last, in their given order", () => {
    const at: Record<string, Bounds> = { a: box(0, 0) };
    expect(readingOrder(["gone2", "a", "gone1"], (id) => at[id])).toEqual(["a", "gone2", "gone1"]);
  });
});
