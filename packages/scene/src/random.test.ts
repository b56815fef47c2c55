import { describe, expect, it } from "vitest";
import { hashString, mulberry32, newElementId, randomInteger, seededRandom } from "./random.ts";

describe("seeded randomness", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = seededRandom("standard-architecture"),
      b = seededRandom("standard-architecture");
    const c = seededRandom("starter-chat");
    const draws = (r: () => number) => Array.from({ length: 5 }, r);
    const first = draws(a);
    expect(first).toEqual(draws(b));
    expect(first).not.toEqual(draws(c));
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
    expect(mulberry32(hashString("x"))()).toBe(seededRandom("x")());
  });

  it("makes Excalidraw-shaped ids and 31-bit seeds", () => {
    const r = mulberry32(7);
    expect(newElementId(r)).toMatch(/^[\w-]{21}$/);
    const n = randomInteger(r);
    expect(Number.isInteger(n) && n >= 0 && n < 2 ** 31).toBe(true);
  });
});
