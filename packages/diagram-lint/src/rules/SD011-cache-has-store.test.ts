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

  it("stays quiet on the design of a cache server, where the cache is drawn inside its own caching core", () => {
    // A board about building a cache: the LRU list inside the server's caching core.
    const cacheServer = (zone: string) =>
      scene()
        .box("c", "Client", { x: 0, y: 0 })
        .box("l", "TCP listener", { x: 300, y: 0 })
        .box("core", zone, { x: 600, y: -50, w: 300, h: 250 })
        .box("lru", "LRU cache", { x: 650, y: 40 })
        .arrow("a", "c", "l", { label: "GET key" })
        .arrow("b", "l", "lru", { label: "lookup" });
    expect(findingsOf("SD011", cacheServer("Caching core").elements)).toEqual([]);
    // The same zone named as a plain tier: a cache with nothing behind it.
    expect(findingsOf("SD011", cacheServer("Backend").elements)).toMatchObject([{ elementIds: ["lru"] }]);
    // A caching tier of a larger system: a database elsewhere on the board, reached by nothing.
    const withStore = cacheServer("Caching core").box("db", "Orders DB", { x: 0, y: 400 }).elements;
    expect(findingsOf("SD011", withStore)).toMatchObject([{ elementIds: ["lru"] }]);
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

  it("follows a connection drawn as two arrows meeting in mid-air", () => {
    const s = () =>
      scene()
        .box("svc", "Ads service", { x: 0, y: 0 })
        .box("c", "Redis cache", { x: 300, y: 0 })
        .box("db", "Ads DB", { x: 300, y: 300 })
        .arrow("a", "svc", "c", { label: "get" });
    const leg = (id: string, from: [number, number], to: [number, number]) => ({
      ...scene()
        .box("p", "", { x: 0, y: 0 })
        .box("q", "", { x: 300, y: 0 })
        .arrow(id, "p", "q", { unbound: true })
        .get(id),
      x: from[0],
      y: from[1],
      points: [
        [0, 0],
        [to[0] - from[0], to[1] - from[1]],
      ],
    });
    // Cache bottom (380, 80) down to (380, 200); from there on down to the database top (380, 300).
    const withLegs = s()
      .raw(leg("l1", [380, 81], [380, 200]))
      .raw(leg("l2", [380, 200], [380, 299])).elements;
    expect(findingsOf("SD011", withLegs)).toEqual([]);
    expect(findingsOf("SD011", s().raw(leg("l1", [380, 81], [380, 200])).elements)).toHaveLength(1);
  });
});
