import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD011 cache-has-store", () => {
  it("fires on a cache whose part of the graph has no database or storage", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("cache", "Redis cache", { x: 300, y: 0 })
      .arrow("a", "api", "cache", { label: "GET" })
      .box("other", "Billing service", { x: 0, y: 400 })
      .box("db", "Billing DB", { x: 300, y: 400 })
      .arrow("b", "other", "db", { label: "INSERT" });
    expect(findingsOf("SD011", s.elements)).toMatchObject([{ elementIds: ["cache"] }]);
  });

  it("stays quiet when the database hangs off the cache's caller", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("cache", "Redis cache", { x: 300, y: 0 })
      .box("db", "Postgres", { x: 300, y: 300 })
      .arrow("a", "api", "cache", { label: "GET" })
      .arrow("b", "api", "db", { label: "on miss" });
    expect(findingsOf("SD011", s.elements)).toEqual([]);
  });
});
