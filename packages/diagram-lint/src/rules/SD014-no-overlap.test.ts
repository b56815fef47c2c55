import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD014 no-overlap", () => {
  it("fires on two named boxes half on top of each other, pointing at both", () => {
    const s = scene().box("a", "API", { x: 0, y: 0 }).box("b", "Cache", { x: 80, y: 20 });
    expect(findingsOf("SD014", s.elements)).toMatchObject([{ elementIds: ["a", "b"], severity: "warn" }]);
  });

  it("stays quiet for touching borders, deliberate stacks, grouped shapes and rotated ones", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 158, y: 0 })
      .box("s1", "Server", { x: 0, y: 300 })
      .box("s2", "Server", { x: 4, y: 304 })
      .box("g1", "Disk", { x: 0, y: 600, groupIds: ["cyl"] })
      .box("g2", "Top", { x: 40, y: 620, groupIds: ["cyl"] })
      .box("r1", "Tilted", { x: 0, y: 900, angle: 0.3 })
      .box("r2", "Other", { x: 60, y: 910 });
    expect(findingsOf("SD014", s.elements)).toEqual([]);
  });

  it("stays quiet on a small badge on a box's corner (a cache drawn on its service)", () => {
    const s = scene()
      .box("svc", "Query service", { x: 0, y: 0, w: 192, h: 102 })
      .box("c", "cache", { x: 97, y: 86, w: 87, h: 58 });
    expect(findingsOf("SD014", s.elements)).toEqual([]);
    const big = scene()
      .box("svc", "Query service", { x: 0, y: 0, w: 192, h: 102 })
      .box("c", "cache", { x: 97, y: 50, w: 150, h: 100 });
    expect(findingsOf("SD014", big.elements)).toHaveLength(1);
  });
});
