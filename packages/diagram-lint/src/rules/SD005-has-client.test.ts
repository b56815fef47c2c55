import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD005 has-client", () => {
  it("fires when no client or user appears among classified boxes", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Postgres", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "SQL" });
    expect(findingsOf("SD005", s.elements)).toMatchObject([{ severity: "info", elementIds: [] }]);
  });

  it("stays quiet when the user is a captioned icon rather than a box", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Postgres", { x: 300, y: 0 })
      .text("u", "Users", { x: -300, y: 300 });
    expect(findingsOf("SD005", s.elements)).toEqual([]);
  });

  it("stays quiet with fewer than two classified boxes", () => {
    const s = scene().box("x", "Bloom filter", { x: 0, y: 0 }).box("db", "Postgres", { x: 300, y: 0 });
    expect(findingsOf("SD005", s.elements)).toEqual([]);
  });
});
