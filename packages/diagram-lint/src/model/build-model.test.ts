import { describe, expect, it } from "vitest";
import { corpusElements } from "../testing/corpus.ts";
import { scene } from "../testing/scene.ts";
import { buildModel } from "./build-model.ts";

const labelOf = (m: ReturnType<typeof buildModel>, id: string) => m.boxById.get(id)?.label;

describe("buildModel on real files", () => {
  it("reads a tiny diagram: three boxes, two bound edges, kinds from labels", () => {
    const m = buildModel(corpusElements("qari-finder-tiny.excalidraw"));
    expect(m.components.map((b) => b.kind)).toEqual(["client", "service", "db"]);
    expect(m.edges).toHaveLength(2);
    expect(m.edges.map((e) => [e.from?.kind, e.to?.kind])).toEqual([["client", "service"], ["service", "db"]]);
  });

  it("reads an old file without `index`, mending wrapped labels", () => {
    const elements = corpusElements("instagram-hld-noindex.excalidraw");
    expect(elements.some((e) => "index" in e)).toBe(false);
    const m = buildModel(elements);
    expect(m.components).toHaveLength(18);
    expect(m.edges).toHaveLength(24);
    expect(m.edges.filter((e) => e.from && e.to)).toHaveLength(23);
    const kinds = new Set(m.components.map((b) => b.kind));
    for (const k of ["client", "lb", "service", "storage", "db", "queue", "worker", "edge"]) expect(kinds).toContain(k);
  });

  it("treats frames and boxes holding boxes as zones, and ignores deleted elements", () => {
    const frames = buildModel(corpusElements("aws-notes-frames.excalidraw"));
    expect(frames.boxes.filter((b) => b.element.type === "frame").every((b) => b.isZone)).toBe(true);
    const withDeleted = corpusElements("gocache-architecture.excalidraw");
    const m = buildModel(withDeleted);
    const deleted = new Set(withDeleted.filter((e) => e.isDeleted).map((e) => e.id));
    expect(deleted.size).toBeGreaterThan(0);
    expect(m.boxes.some((b) => deleted.has(b.id)) || m.edges.some((e) => deleted.has(e.id))).toBe(false);
  });

  it("infers the endpoints of unbound arrows in a 2020 file from geometry", () => {
    const m = buildModel(corpusElements("node-training-whiteboard-2020.excalidraw"));
    expect(m.edges.some((e) => e.startBindingId || e.endBindingId)).toBe(false);
    expect(m.edges.filter((e) => e.startInferred && e.endInferred).length).toBeGreaterThan(5);
  });
});

describe("buildModel labels", () => {
  it("reads free text inside a box, sharing its group, or by an arrow's midpoint", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0, freeLabel: true })
      .box("b", "", { x: 400, y: 0, groupIds: ["g"] })
      .text("cap", "Redis", { x: 480, y: 140, groupIds: ["g"] })
      .arrow("e", "a", "b", { freeLabel: "GET /x" });
    const m = buildModel(s.elements);
    expect(labelOf(m, "a")).toBe("API");
    expect(labelOf(m, "b")).toBe("Redis");
    expect(m.boxById.get("b")?.kind).toBe("cache");
    expect(m.edgeById.get("e")?.label).toBe("GET /x");
    expect(m.textById.get("e-label")?.labelOf).toEqual({ kind: "edge", id: "e", how: "near" });
  });

  it("takes customData.kind over the label", () => {
    const m = buildModel(scene().box("x", "Orders", { x: 0, y: 0, kind: "queue" }).elements);
    expect(m.boxById.get("x")?.kind).toBe("queue");
  });

  it("accepts loosely typed input: missing fields, junk entries", () => {
    const m = buildModel([
      { id: "r", type: "rectangle" },
      { id: "t", type: "text", text: "API", x: 10, y: 10, width: 30, height: 20 },
      null as never, { nope: 1 } as never,
    ]);
    expect(m.boxes).toHaveLength(1);
  });
});
