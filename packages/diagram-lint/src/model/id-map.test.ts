import { describe, expect, it } from "vitest";
import { IdMap, IdSubset } from "./id-map.ts";

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

  it("files a subset (the boxes among all elements) under the whole map's positions, answering like a Map", () => {
    for (const count of [300, 12_000]) {
      const all = new IdMap<string>(count);
      const boxes = new IdSubset<number>(all, count);
      const reference = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const at = all.addAt(`el-${i}`, "element");
        expect(at).toBe(i);
        if (i % 3 === 0) {
          boxes.put(at, i);
          reference.set(`el-${i}`, i);
        }
      }
      expect(all.addAt("el-0", "again")).toBe(-1);
      for (let i = 0; i < count; i += 9) {
        expect(boxes.delete(`el-${i}`)).toBe(true);
        reference.delete(`el-${i}`);
      }
      expect(boxes.delete("el-1")).toBe(false);
      expect(boxes.size).toBe(reference.size);
      expect([...boxes]).toEqual([...reference]);
      expect([...boxes.values()]).toEqual([...reference.values()]);
      expect(boxes.get("el-3")).toBe(3);
      expect(boxes.get("el-1")).toBeUndefined();
      expect(boxes.get("el-9")).toBeUndefined();
      expect(boxes.has("not-an-id")).toBe(false);
      expect(all.get("el-9")).toBe("element");
    }
  });
});
