import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const six = () => {
  const s = scene();
  ["Client", "LB", "API", "Cache", "DB", "Queue"].forEach((l, i) => s.box(`b${i}`, l, { x: i * 200, y: 0 }));
  return s;
};

describe("SD018 observability", () => {
  it("fires on six components and no monitoring anywhere", () => {
    expect(findingsOf("SD018", six().elements)).toMatchObject([{ elementIds: [], severity: "info" }]);
  });

  it("stays quiet when metrics appear, even as a side note; and on small boards", () => {
    expect(findingsOf("SD018", six().text("n", "metrics + alerting via Grafana", { x: 0, y: 300 }).elements)).toEqual(
      [],
    );
    const five = scene();
    ["Client", "LB", "API", "Cache", "DB"].forEach((l, i) => five.box(`b${i}`, l, { x: i * 200, y: 0 }));
    expect(findingsOf("SD018", five.elements)).toEqual([]);
  });

  it("counts monitoring products named in two words (Application Insights)", () => {
    const s = scene()
      .box("a", "Users", { x: 0, y: 0 })
      .box("b", "CDN", { x: 250, y: 0 })
      .box("c", "API", { x: 500, y: 0 })
      .box("d", "Cache", { x: 750, y: 0 })
      .box("e", "DB", { x: 1000, y: 0 })
      .box("f", "Queue", { x: 1250, y: 0 });
    expect(findingsOf("SD018", s.elements)).toHaveLength(1);
    expect(findingsOf("SD018", s.text("ai", "Application Insights", { x: 0, y: 300 }).elements)).toEqual([]);
  });
});
