import { describe, expect, it } from "vitest";
import { IdMap } from "./id-map.ts";

/** Applies the same sets and deletes to an `IdMap` and a `Map` and says whether they still agree. */
function agreeAfter(count: number, expected: number): void {
  const ids = new IdMap<number>(expected);
  const reference = new Map<string, number>();
  // A fixed pseudo-random walk: ids that look like Excalidraw's, some set twice, some deleted and set again.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const key = `el-${next() % (count / 2)}-${i % 3 === 0 ? "label" : "x"}`;
    if (next() % 5 === 0) {
      expect(ids.delete(key)).toBe(reference.delete(key));
    } else {
      ids.set(key, i);
      reference.set(key, i);
    }
  }
  expect(ids.size).toBe(reference.size);
  expect([...ids]).toEqual([...reference]);
  expect([...ids.keys()]).toEqual([...reference.keys()]);
  expect([...ids.values()]).toEqual([...reference.values()]);
  for (const key of reference.keys()) expect(ids.get(key)).toBe(reference.get(key));
  expect(ids.has("not-an-id")).toBe(false);
  expect(ids.get("not-an-id")).toBeUndefined();
}

describe("IdMap", () => {
  it("answers like a Map, insertion order included, on a small scene", () => agreeAfter(500, 0));
  it("answers like a Map once it outgrows a Map's young table", () => agreeAfter(30_000, 0));
  it("answers like a Map when told its size up front", () => agreeAfter(30_000, 20_000));
  it("keeps a key set again in its first place, and moves one deleted and set again to the end", () => {
    for (const expected of [0, 10_000]) {
      const ids = new IdMap<string>(expected);
      ids.set("a", "1").set("b", "2").set("a", "3");
      ids.delete("b");
      ids.set("b", "4");
      expect([...ids]).toEqual([
        ["a", "3"],
        ["b", "4"],
      ]);
    }
  });
});
