import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD013 bind-text", () => {
  it("fires on free text lying in a box and offers to bind it", () => {
    const s = scene().box("api", "API Servers", { x: 0, y: 0, freeLabel: true });
    const [f] = findingsOf("SD013", s.elements);
    expect(f).toMatchObject({ severity: "info", elementIds: ["api-label", "api"] });
    expect(f?.suggestions?.[0]?.fix).toEqual({ kind: "bind-text", textId: "api-label", containerId: "api" });
  });

  it("fires on free text at an arrow's midpoint", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 300, y: 0 })
      .arrow("e", "a", "b", { freeLabel: "GET" });
    expect(findingsOf("SD013", s.elements)[0]?.suggestions?.[0]?.fix).toEqual({
      kind: "bind-text",
      textId: "e-label",
      containerId: "e",
    });
  });

  it("stays quiet on bound labels, zone titles and text far from anything", () => {
    const s = scene()
      .zone("vpc", "VPC", { x: -50, y: -50, w: 800, h: 400 })
      .box("a", "API", { x: 0, y: 50 })
      .box("b", "Cache", { x: 300, y: 50 })
      .arrow("e", "a", "b", { label: "GET" })
      .text("note", "remember to shard", { x: 2000, y: 2000 });
    expect(findingsOf("SD013", s.elements)).toEqual([]);
  });

  it("stays quiet when a box holds two free texts (which one is the name is unclear)", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0, h: 160, freeLabel: true })
      .text("t2", "Go, gRPC", { x: 80, y: 120 });
    expect(findingsOf("SD013", s.elements)).toEqual([]);
  });

  it("stays quiet on text grouped with its box: the group moves together", () => {
    const s = scene().box("api", "CRUD Profile", { x: 0, y: 0, freeLabel: true, groupIds: ["g"] });
    expect(findingsOf("SD013", s.elements)).toEqual([]);
  });
});
