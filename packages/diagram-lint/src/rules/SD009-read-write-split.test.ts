import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const withCache = () =>
  scene()
    .box("api", "API", { x: 0, y: 0 })
    .box("cache", "Redis", { x: 300, y: -200 })
    .box("db", "Postgres", { x: 300, y: 100 });

describe("SD009 read-write-split", () => {
  it.each(["reads/writes", "R/W", "read-write", "reads and writes"])("fires on %s once a cache exists", (label) => {
    const s = withCache().arrow("a", "api", "db", { label });
    expect(findingsOf("SD009", s.elements).map((f) => f.elementIds)).toEqual([["a"]]);
  });

  it("stays quiet on separate read and write arrows, and without any cache or replica", () => {
    const split = withCache().arrow("r", "api", "cache", { label: "read" }).arrow("w", "api", "db", { label: "write" });
    expect(findingsOf("SD009", split.elements)).toEqual([]);
    const plain = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Postgres", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "reads/writes" });
    expect(findingsOf("SD009", plain.elements)).toEqual([]);
  });
});
