import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const chain = () =>
  scene().box("c", "Client", { x: 0, y: 0 }).box("api", "API", { x: 300, y: 0 }).box("db", "DB", { x: 600, y: 0 });

describe("SD008 arrow-numbers", () => {
  it("reports once for the scene, pointing at the unnumbered arrows", () => {
    const s = chain().arrow("a1", "c", "api", { label: "GET 2k QPS" }).arrow("a2", "api", "db", { label: "SELECT" });
    const found = findingsOf("SD008", s.elements);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      message: expect.stringMatching(/^1 of 2 request edges/),
      elementIds: ["a2"],
      severity: "info",
    });
  });

  it("stays quiet when every request arrow has a figure (responses do not count)", () => {
    const s = chain()
      .arrow("a1", "c", "api", { label: "GET 2k QPS" })
      .arrow("a2", "api", "db", { label: "SELECT 500/s" })
      .arrow("r", "db", "api", { label: "rows (response)" });
    expect(findingsOf("SD008", s.elements)).toEqual([]);
  });
});
