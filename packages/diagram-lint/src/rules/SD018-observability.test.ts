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
});
