import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const three = () =>
  scene().box("c", "Client", { x: 0, y: 0 }).box("api", "API", { x: 300, y: 0 }).box("db", "DB", { x: 600, y: 0 });

describe("SD007 estimates-present", () => {
  it("fires when three boxes carry no figure with a unit", () => {
    const s = three().text("n", "Step 2: v1 of the design", { x: 300, y: 300 });
    expect(findingsOf("SD007", s.elements)).toMatchObject([{ elementIds: [], severity: "warn" }]);
  });

  it("stays quiet once any estimate appears, wherever it is written", () => {
    for (const figure of ["12k QPS", "5 GB/day", "p99 < 200 ms", "100M DAU", "1 Gbps", "10 writes/s"]) {
      expect(findingsOf("SD007", three().text("n", figure, { x: 300, y: 300 }).elements)).toEqual([]);
    }
  });
});
