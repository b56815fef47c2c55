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

  it("counts a box as connected through a zone the arrows reach, a pool card beside a connected twin, or an arrow stopping just short", () => {
    const s = flow()
      .zone("z", "Coordinator", { x: 880, y: -60, w: 400, h: 400 })
      .box("rest", "REST API", { x: 950, y: 150 })
      .arrow("toZone", "db", "z", { label: "jobs" })
      .box("w1", "Worker (ffmpeg)", { x: 0, y: 600 })
      .box("w2", "Worker (ffmpeg)", { x: 180, y: 600 })
      .arrow("toPool", "db", "w1", { label: "jobs" })
      .box("q", "Kafka", { x: 600, y: 600 })
      .raw({
        ...scene()
          .box("x0", "", { x: 0, y: 0 })
          .box("x1", "", { x: 400, y: 0 })
          .arrow("short", "x0", "x1", { unbound: true, label: "events" })
          .get("short"),
        x: 680,
        y: 500,
        points: [
          [0, 0],
          [0, 70],
        ],
      });
    expect(findingsOf("SD015", s.elements)).toEqual([]);
  });

  it("stays quiet on tables of a data model and on a zone's title bar, but fires on the box beside them", () => {
    const s = flow()
      .box("t", "User\nid, pk\nurls[], fk", { x: 0, y: 300 })
      .zone("kz", "", { x: 880, y: 280, w: 460, h: 300 })
      .box("bar", "Kafka", { x: 900, y: 290, w: 420, h: 50 })
      .box("p", "partition 1", { x: 900, y: 400 })
      .arrow("tp", "db", "p", { label: "produce" })
      .box("orphan", "Search service", { x: 0, y: 700 });
    expect(findingsOf("SD015", s.elements).map((f) => f.elementIds)).toEqual([["orphan"]]);
  });
});
