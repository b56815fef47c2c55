import { describe, expect, it } from "vitest";
import { indexAbove, indexKey } from "./fractional-index.ts";

describe("indexKey", () => {
  it("starts at a0 and increases as plain strings across digit-count boundaries", () => {
    expect([0, 1, 61, 62, 63].map(indexKey)).toEqual(["a0", "a1", "az", "b00", "b01"]);
    expect(indexKey(62 + 62 * 62)).toBe("c000");
    let previous = indexKey(0);
    for (let n = 1; n < 10_000; n++) {
      const key = indexKey(n);
      expect(previous < key).toBe(true);
      previous = key;
    }
  });

  it("rejects bad positions", () => {
    expect(() => indexKey(-1)).toThrow(RangeError);
    expect(() => indexKey(1.5)).toThrow(RangeError);
  });
});

describe("indexAbove", () => {
  it("gives a key above every index in the scene, ignoring elements without one", () => {
    const scene = [{ index: "a5" }, { index: null }, { index: "b0Z" }, {}];
    const key = indexAbove(scene);
    for (const el of scene) if (el.index) expect(el.index < key).toBe(true);
    expect(key.endsWith("0")).toBe(false);
    expect(indexAbove([])).toBe("a0");
  });
});
