import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const flow = () =>
  scene()
    .box("c", "Client", { x: 0, y: 0 })
    .box("api", "API", { x: 300, y: 0 })
    .box("db", "DB", { x: 600, y: 0 })
    .arrow("a1", "c", "api", { label: "GET" })
    .arrow("a2", "api", "db", { label: "SELECT" });

describe("SD015 orphan-node", () => {
  it("fires on a named component with no arrow", () => {
    const s = flow().box("q", "Kafka", { x: 300, y: 300 });
    expect(findingsOf("SD015", s.elements)).toMatchObject([
      { elementIds: ["q"], message: expect.stringContaining("“Kafka”") },
    ]);
  });

  it("stays quiet on notes, legends, observability, role-tagged boxes and unclassified boxes", () => {
    const s = flow()
      .box("n", "Notes: cache TTL 60s\nshard by user id", { x: 0, y: 300 })
      .box("l", "Legend", { x: 300, y: 300 })
      .box("m", "Prometheus", { x: 600, y: 300 })
      .box("bf", "Bloom filter", { x: 900, y: 300 })
      .raw({ ...scene().box("r", "", { x: 0, y: 600 }).get("r"), customData: { lint: { role: "note" } } })
      .text("rl", "Redis", { x: 80, y: 640 });
    expect(findingsOf("SD015", s.elements)).toEqual([]);
  });

  it("stays quiet on a board without arrows (a layer diagram)", () => {
    const s = scene().box("a", "API", { x: 0, y: 0 }).box("db", "Postgres", { x: 0, y: 100 });
    expect(findingsOf("SD015", s.elements)).toEqual([]);
  });
});
