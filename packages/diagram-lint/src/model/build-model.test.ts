import { describe, expect, it } from "vitest";
import { fixtureElements } from "../testing/corpus.ts";
import { scene } from "../testing/scene.ts";
import { buildModel } from "./build-model.ts";

const labelOf = (m: ReturnType<typeof buildModel>, id: string) => m.boxById.get(id)?.label;

describe("buildModel on real files", () => {
  it("reads a small file without `index`: wrapped labels mended, kinds from labels and asides", () => {
    const elements = fixtureElements("azure-rag-workshop.excalidraw");
    expect(elements.some((e) => "index" in e)).toBe(false);
    const m = buildModel(elements);
    // The editor stored "Vector \ndatabase"; the label is the text as typed.
    expect(m.components.map((b) => [b.label, b.kind])).toContainEqual(["Vector database", "db"]);
    // "Chat Website" names no kind; its aside "(frontend)" does.
    expect(m.components.map((b) => [b.label, b.kind])).toContainEqual(["Chat Website\n(frontend)", "client"]);
    expect(m.edges).toHaveLength(5);
    expect(m.edges.every((e) => e.from && e.to && e.startBindingId && e.endBindingId)).toBe(true);
    expect(m.edges.map((e) => [e.from?.kind, e.to?.kind])).toEqual(
      expect.arrayContaining([
        ["client", "service"],
        ["service", "db"],
      ]),
    );
  });

  it("reads free text lying inside a box as its label", () => {
    const m = buildModel(fixtureElements("url-shortener-kuerzen.excalidraw"));
    const services = m.components.filter((b) => b.labelSource === "free" && b.kind === "service").map((b) => b.label);
    expect(services).toEqual(expect.arrayContaining(["Shortener Service", "Redirector Service", "Analytics Service"]));
    for (const box of m.components.filter((b) => b.labelSource === "free")) {
      expect(box.freeLabelIds.length, box.label).toBeGreaterThan(0);
    }
  });

  it("treats frames and boxes holding boxes as zones, and ignores deleted elements", () => {
    const frames = buildModel(fixtureElements("aws-notes-frames.excalidraw"));
    expect(frames.boxes.filter((b) => b.element.type === "frame").every((b) => b.isZone)).toBe(true);
    const withDeleted = fixtureElements("gocache-architecture.excalidraw");
    const m = buildModel(withDeleted);
    const deleted = new Set(withDeleted.filter((e) => e.isDeleted).map((e) => e.id));
    expect(deleted.size).toBeGreaterThan(0);
    expect(m.boxes.some((b) => deleted.has(b.id)) || m.edges.some((e) => deleted.has(e.id))).toBe(false);
  });

  it("infers the endpoints of unbound arrows from geometry, as in files drawn before binding", () => {
    const elements = fixtureElements("tork-job-engine-arch.excalidraw");
    const bound = buildModel(elements);
    // The same drawing with every binding removed, as older editors saved it.
    const unbound = buildModel(
      elements.map((e) =>
        e.type === "arrow"
          ? { ...e, startBinding: null, endBinding: null }
          : { ...e, boundElements: (e.boundElements ?? []).filter((b) => b.type !== "arrow") },
      ),
    );
    expect(unbound.edges.some((e) => e.startBindingId || e.endBindingId)).toBe(false);
    expect(unbound.edges.length).toBeGreaterThan(5);
    for (const e of unbound.edges) {
      const original = bound.edgeById.get(e.id)!;
      expect(e.startInferred && e.endInferred, e.id).toBe(true);
      expect([e.startBox?.id, e.endBox?.id], e.id).toEqual([original.startBox?.id, original.endBox?.id]);
    }
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
      null as never,
      { nope: 1 } as never,
    ]);
    expect(m.boxes).toHaveLength(1);
  });
});
