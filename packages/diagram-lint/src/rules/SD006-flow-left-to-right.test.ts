import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD006 flow-left-to-right", () => {
  it("fires on a request pointing right-to-left", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("lb", "Load Balancer", { x: 600, y: 0 })
      .arrow("b", "lb", "api", { label: "GET /feed" });
    expect(findingsOf("SD006", s.elements)).toMatchObject([{ elementIds: ["b"], severity: "warn" }]);
  });

  it("reads the arrowheads: drawn right-to-left but pointing right is fine", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("lb", "Load Balancer", { x: 600, y: 0 })
      .arrow("a", "lb", "client", { label: "GET /feed", heads: "start" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("exempts responses, two-headed arrows and replies down the tiers", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("api", "API", { x: 600, y: 0 })
      .box("db", "Database", { x: 1200, y: 0 })
      .arrow("r1", "api", "client", { label: "200 OK response" })
      .arrow("r2", "db", "api", { label: "rows" })
      .box("svc", "Search service", { x: 0, y: 600 })
      .box("svc2", "Feed service", { x: 600, y: 600 })
      .arrow("r3", "svc2", "svc", { label: "sync", heads: "both" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("stays quiet on a steep arrow (mostly vertical)", () => {
    const s = scene()
      .box("a", "API", { x: 100, y: 0 })
      .box("b", "Queue", { x: 0, y: 400 })
      .arrow("e", "a", "b", { label: "publish" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });
});
