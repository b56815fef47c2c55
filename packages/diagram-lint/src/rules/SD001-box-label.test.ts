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

  it("names a box by its image: a logo box is labelled, a truly empty box is not", () => {
    const image = (id: string, x: number, y: number, alt?: string) => ({
      ...scene().box(id, "", { x, y, w: 120, h: 40 }).get(id),
      type: "image",
      fileId: "f1",
      ...(alt ? { customData: { alt } } : {}),
    });
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("logo", "", { x: 300, y: -20, w: 200, h: 120 })
      .raw(image("img", 340, 20, "influxdb.png"))
      .box("empty", "", { x: 300, y: 300, w: 200, h: 120 })
      .arrow("a", "api", "logo")
      .arrow("b", "api", "empty", { label: "GET" });
    const found = findingsOf("SD001", s.elements);
    expect(found.map((f) => f.elementIds)).toEqual([["empty"]]);
    expect(found[0]!.message).toBe(
      "The rectangle at (300, 300) (connected to “API”) has no name: double-click it and type what it is (e.g. “API server”)",
    );
    // Other rules name the logo box by its image, never as "unlabelled".
    expect(findingsOf("SD002", s.elements)[0]!.message).toContain(
      "Arrow from “API” to the box with “influxdb.png” has no label",
    );
  });
});
