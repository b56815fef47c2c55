import { inflate, intersects, segmentHitsRect } from "@archboard/scene";
import { describe, expect, it } from "vitest";
import { templates } from "../catalog/index.ts";
import { TIER } from "../kinds.ts";
import { layoutTemplate } from "../output/skeleton.ts";
import { templateToElements } from "../output/elements.ts";
import { bounds, layout } from "./layout.ts";
import { arrowheadRect, labelFitsArrow, MAX_ARROW_LABEL_LINES } from "./spacing.ts";

type El = { id: string; type: string; [k: string]: any };
const elementsOf = (t: (typeof templates)[number]) => templateToElements(t) as unknown as El[];

describe.each(templates.map((t) => [t.id, t] as const))("%s", (_id, t) => {
  const d = layout(t);
  const components = d.boxes.filter((b) => b.role !== "lifeline");

  it("keeps component boxes apart (with room for a label between them)", () => {
    // A lifeline hangs from its header: they touch on purpose, grouped as one drawing.
    const sameDrawing = (a: (typeof d.boxes)[number], b: (typeof d.boxes)[number]) =>
      a.groupIds.some((g) => b.groupIds.includes(g));
    for (const a of d.boxes)
      for (const b of d.boxes) {
        if (a.id < b.id && !sameDrawing(a, b))
          expect(intersects(inflate(a.rect, 10), b.rect), `${a.key} / ${b.key}`).toBe(false);
      }
  });

  it("lays tiers out strictly left to right", () => {
    for (const a of components)
      for (const b of components) {
        const ta = TIER[a.kind],
          tb = TIER[b.kind];
        if (t.diagram.type === "sequence" || ta === null || tb === null || ta >= tb) continue;
        expect(a.rect.x + a.rect.width, `${a.key} (tier ${ta}) left of ${b.key} (tier ${tb})`).toBeLessThan(b.rect.x);
      }
  });

  it("runs arrows between boxes, not through them, with labels clear of boxes and of each other", () => {
    for (const a of d.arrows) {
      const [p, q] = [a.points[0]!, a.points[a.points.length - 1]!];
      for (const b of components) {
        if (b.id !== a.fromId && b.id !== a.toId)
          expect(segmentHitsRect(p, q, b.rect), `${a.key} through ${b.key}`).toBe(false);
      }
      // Lifelines too: a message's label never sits on a lifeline it passes.
      for (const b of d.boxes) expect(intersects(a.label.rect, b.rect), `label of ${a.key} over ${b.key}`).toBe(false);
      for (const o of d.arrows)
        if (o.id < a.id) expect(intersects(a.label.rect, o.label.rect), `${a.key} / ${o.key} labels`).toBe(false);
    }
  });

  it("makes every arrow longer than its label and both arrowheads, the label in at most two lines, clear of other heads", () => {
    for (const a of d.arrows) {
      expect(a.label.block.text.split("\n").length, a.key).toBeLessThanOrEqual(MAX_ARROW_LABEL_LINES);
      expect(labelFitsArrow(a), `${a.key}: "${a.label.text}" is longer than its arrow allows`).toBe(true);
      for (const o of d.arrows)
        if (o !== a) expect(intersects(a.label.rect, arrowheadRect(o)), `${a.key} label / ${o.key} head`).toBe(false);
    }
  });

  it("draws zones with square corners, so a rounded corner never crosses the zone's title", () => {
    const skeletons = layoutTemplate(t) as unknown as El[];
    for (const z of d.zones) {
      expect(skeletons.find((e) => e.id === z.id)?.["roundness"], z.key).toBeNull();
      expect(elementsOf(t).find((e) => e.id === z.id)?.["roundness"], z.key).toBeNull();
    }
  });

  it("binds every arrow at both ends to boxes that list it, and labels it", () => {
    const els = elementsOf(t);
    const byId = new Map(els.map((e) => [e.id, e]));
    const arrows = els.filter((e) => e.type === "arrow");
    expect(arrows).toHaveLength(d.arrows.length);
    for (const arrow of arrows) {
      for (const end of [arrow["startBinding"], arrow["endBinding"]]) {
        const box = byId.get(end?.elementId);
        expect(["rectangle", "ellipse"], arrow.id).toContain(box?.type);
        expect(box?.["boundElements"], arrow.id).toContainEqual({ id: arrow.id, type: "arrow" });
      }
      const label = els.find((e) => e.type === "text" && e["containerId"] === arrow.id);
      expect(label?.["text"].trim(), arrow.id).toBeTruthy();
      expect(arrow["boundElements"]).toContainEqual({ id: label!.id, type: "text" });
      expect(arrow["points"][0]).toEqual([0, 0]);
    }
  });

  it("tags every box with the kind its template declares, and binds its label", () => {
    const declared = new Map<string, string>();
    if (t.diagram.type === "flow") for (const c of t.diagram.components) declared.set(c.id, c.kind);
    else for (const p of t.diagram.participants) declared.set(p.id, p.kind);
    const els = elementsOf(t);
    for (const box of els.filter((e) => e.type === "rectangle" || e.type === "ellipse")) {
      const origin = box["customData"]?.template;
      if (box["customData"]?.lint?.role === "zone") continue;
      const key = String(origin.key).replace(/-lifeline$/, "");
      expect(box["customData"].kind, box.id).toBe(declared.get(key));
      if (box["customData"]?.lint?.role === "lifeline") continue;
      const text = els.find((e) => e["containerId"] === box.id);
      expect(text?.["originalText"], box.id).toBeTruthy();
    }
    expect(els.filter((e) => e["customData"]?.kind).length).toBeGreaterThanOrEqual(declared.size);
  });

  it("places the diagram at the origin and reports its size", () => {
    const moved = layout(t, { origin: { x: 500, y: -300 }, idPrefix: "x:" });
    expect(moved.bounds).toEqual({ x: 500, y: -300, width: d.bounds.width, height: d.bounds.height });
    expect(bounds(t)).toEqual({ width: d.bounds.width, height: d.bounds.height });
    expect(moved.boxes.every((b) => b.id.startsWith("x:"))).toBe(true);
    const els = elementsOf(t);
    for (const e of els) {
      if (e.type === "arrow") continue;
      expect(e["x"]).toBeGreaterThanOrEqual(d.bounds.x - 1);
      expect(e["x"] + e["width"]).toBeLessThanOrEqual(d.bounds.x + d.bounds.width + 1);
    }
  });

  it("gives skeletons and full elements the same boxes, positions and bindings", () => {
    const skeletons = layoutTemplate(t, { origin: { x: 40, y: 60 } }) as unknown as El[];
    const full = templateToElements(t, { origin: { x: 40, y: 60 } }) as unknown as El[];
    const fullById = new Map(full.map((e) => [e.id, e]));
    for (const s of skeletons) {
      const f = fullById.get(s.id);
      expect(f?.type, s.id).toBe(s.type);
      expect([f?.["x"], f?.["y"]]).toEqual([s["x"], s["y"]]);
      if (s.type === "arrow") {
        expect([s["start"].id, s["end"].id]).toEqual([f?.["startBinding"].elementId, f?.["endBinding"].elementId]);
        expect(s["label"].text).toBe(fullById.get(`${s.id}-label`)?.["originalText"]);
      } else if (s.type !== "text") {
        expect(s["customData"]).toEqual(f?.["customData"]);
        expect(s["label"]?.text).toBe(fullById.get(`${s.id}-label`)?.["originalText"]);
      }
    }
  });
});

describe("full elements", () => {
  it("are ordered by valid, increasing fractional indices and have unique ids", () => {
    for (const t of templates) {
      const els = elementsOf(t);
      const indices = els.map((e) => e["index"] as string);
      expect([...indices].sort()).toEqual(indices);
      expect(new Set(indices).size).toBe(indices.length);
      expect(new Set(els.map((e) => e.id)).size).toBe(els.length);
    }
  });

  it("are repeatable by default and vary with the random source", () => {
    const t = templates[0]!;
    const strip = (els: El[]) => els.map(({ updated: _u, ...rest }) => rest);
    expect(strip(elementsOf(t))).toEqual(strip(elementsOf(t)));
    const other = templateToElements(t, { random: () => 0.5 }) as unknown as El[];
    expect(other[0]?.["seed"]).not.toBe(elementsOf(t)[0]?.["seed"]);
  });
});

describe("sequence layout", () => {
  const t = templates.find((x) => x.category === "sequence")!;
  const d = layout(t);

  it("draws numbered messages top to bottom, replies dashed, between lifelines", () => {
    const ys = d.arrows.map((a) => a.points[0]!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(d.arrows.map((a) => a.label.text.split(".")[0])).toEqual(["1", "2a", "2b", "3", "4a", "4b", "5", "6"]);
    for (const a of d.arrows) {
      expect(a.fromId.endsWith("-lifeline") && a.toId.endsWith("-lifeline")).toBe(true);
      expect(a.look.strokeStyle).toBe(a.style === "reply" ? "dashed" : "solid");
    }
  });

  it("groups each header with its lifeline, the lifeline thin and tall", () => {
    for (const header of d.boxes.filter((b) => b.role === "lifeline-header")) {
      const line = d.boxes.find((b) => b.key === `${header.key}-lifeline`)!;
      expect(line.groupIds).toEqual(header.groupIds);
      expect(line.rect.width).toBeLessThan(30);
      expect(line.rect.y).toBe(header.rect.y + header.rect.height);
      expect(line.rect.height).toBeGreaterThan(d.arrows.length * 60);
    }
  });
});
