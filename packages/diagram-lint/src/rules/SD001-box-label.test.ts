import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD001 box-label", () => {
  it("fires on a connected box with no label, naming its neighbour", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("api", "", { x: 300, y: 0 })
      .arrow("a", "client", "api", { label: "GET" });
    const [f, ...rest] = findingsOf("SD001", s.elements);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ severity: "error", alias: "box-label", elementIds: ["api"] });
    expect(f!.message).toContain("“Client”");
  });

  it("stays quiet when the name is free text inside the box, or the box is an unconnected decoration", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("api", "API", { x: 300, y: 0, freeLabel: true })
      .arrow("a", "client", "api", { label: "GET" })
      .box("deco", "", { x: 0, y: 400 });
    expect(findingsOf("SD001", s.elements)).toEqual([]);
  });

  it("stays quiet on the offset copy behind a named box (a drawn stack)", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("shadow", "", { x: 310, y: 10 })
      .box("api", "API", { x: 300, y: 0 })
      .arrow("a", "client", "shadow", { label: "GET" });
    expect(findingsOf("SD001", s.elements)).toEqual([]);
  });
});
