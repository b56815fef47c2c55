import { describe, expect, it } from "vitest";
import { lint } from "../lint.ts";
import { scene, type Json } from "../testing/scene.ts";
import { buildModel } from "./build-model.ts";

/** A raw shape or mark, placed by its top-left corner. */
const shape = (
  id: string,
  type: string,
  x: number,
  y: number,
  w: number,
  h: number,
  extra: Record<string, unknown> = {},
): Json => ({
  ...scene().box(id, "", { x, y, w, h }).get(id),
  type,
  ...extra,
});
const line = (id: string, x: number, y: number, dx: number, dy: number, extra: Record<string, unknown> = {}): Json => ({
  ...shape(id, "line", x, y, Math.abs(dx), Math.abs(dy)),
  points: [
    [0, 0],
    [dx, dy],
  ],
  ...extra,
});
/** Rebinds an arrow's end to another element (what Excalidraw stores when you drop an end on it). */
const bindEnd = (elements: Json[], arrowId: string, end: "startBinding" | "endBinding", to: string): Json[] =>
  elements.map((e) => (e.id === arrowId ? { ...e, [end]: { elementId: to, focus: 0, gap: 1 } } : e));

describe("drawings read as one component", () => {
  it("a cloud of grouped ellipses with a caption is one labelled component; arrows bound to any puff reach it", () => {
    const g = { groupIds: ["cloud"] };
    const s = scene()
      .box("api", "API", { x: 0, y: 40 })
      .raw(shape("p1", "ellipse", 400, 0, 160, 140, g))
      .raw(shape("p2", "ellipse", 480, 30, 140, 120, g))
      .raw(shape("p3", "ellipse", 350, 60, 120, 100, g))
      .text("cap", "Cloud storage", { x: 480, y: 90, groupIds: ["cloud"] })
      .arrow("a", "api", "p3", { label: "PUT objects" });
    const m = buildModel(bindEnd(s.elements, "a", "endBinding", "p2"));
    const cloud = m.components.filter((b) => b.element.type === "ellipse");
    expect(cloud).toHaveLength(1);
    expect(cloud[0]!.label).toBe("Cloud storage");
    expect(m.edgeById.get("a")?.to).toBe(cloud[0]);
    expect(lint(m.elements).filter((f) => ["SD001", "SD013", "SD015"].includes(f.ruleId))).toEqual([]);
  });

  it("but two named boxes grouped together stay two components", () => {
    const s = scene()
      .box("a", "API", { x: 0, y: 0, groupIds: ["g"] })
      .box("b", "Orders DB", { x: 300, y: 0, groupIds: ["g"] })
      .arrow("e", "a", "b", { label: "SQL" });
    expect(buildModel(s.elements).components.map((b) => b.label)).toEqual(["API", "Orders DB"]);
  });

  it("the arrows of a grouped icon inside a box are strokes, not connections", () => {
    const g = { groupIds: ["lb"] };
    const s = scene()
      .box("api", "API", { x: 400, y: 0 })
      .raw(shape("frame", "rectangle", 0, -60, 120, 200, g))
      .raw(shape("c1", "ellipse", 10, 30, 30, 30, g))
      .raw(shape("c2", "ellipse", 80, -20, 30, 30, g))
      .raw(shape("c3", "ellipse", 80, 80, 30, 30, g))
      .raw({ ...line("s1", 40, 40, 40, -40, g), type: "arrow", endArrowhead: "arrow" })
      .raw({ ...line("s2", 40, 50, 40, 40, g), type: "arrow", endArrowhead: "arrow" })
      .text("cap", "Load balancer", { x: 60, y: 120, groupIds: ["lb"] })
      .arrow("a", "frame", "api", { label: "HTTPS" });
    const m = buildModel(s.elements);
    expect(m.edges.map((e) => e.id)).toEqual(["a"]);
    expect(m.edgeById.get("a")?.from?.label).toBe("Load balancer");
    expect(m.edgeById.get("a")?.from?.kind).toBe("lb");
  });

  it("an ungrouped cylinder (two ellipses of one width) is one database, named by the caption under it", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 30 })
      .raw(shape("top", "ellipse", 400, 0, 100, 30))
      .raw(shape("bottom", "ellipse", 400, 70, 100, 30))
      .raw(line("l1", 400, 15, 0, 70))
      .raw(line("l2", 500, 15, 0, 70))
      .text("cap", "Orders DB", { x: 450, y: 124 })
      .arrow("a", "api", "top", { label: "SQL" });
    const m = buildModel(s.elements);
    const dbs = m.components.filter((b) => b.kind === "db");
    expect(dbs.map((b) => b.label)).toEqual(["Orders DB"]);
    expect(m.boxById.get("bottom")?.partOf).toBe(dbs[0]);
  });

  it("two ellipses of different widths are two shapes", () => {
    const s = scene()
      .raw(shape("a", "ellipse", 0, 0, 100, 30))
      .raw(shape("b", "ellipse", 0, 70, 160, 30));
    expect(buildModel(s.elements).components).toHaveLength(2);
  });

  it("a stack of offset cards is one component: an arrow to the back card reaches the named front card", () => {
    const s = scene()
      .box("gw", "API Gateway", { x: 0, y: 0 })
      .box("back2", "", { x: 420, y: -20 })
      .box("back1", "", { x: 410, y: -10 })
      .box("front", "Tweet service", { x: 400, y: 0, freeLabel: true })
      .arrow("a", "gw", "back2", { label: "POST /tweet" });
    const m = buildModel(s.elements);
    expect(m.components.map((b) => b.label)).toEqual(["API Gateway", "Tweet service"]);
    expect(m.edgeById.get("a")?.to?.label).toBe("Tweet service");
    expect(lint(s.elements).filter((f) => f.ruleId === "SD015" || f.ruleId === "SD001")).toEqual([]);
  });

  it("a box holding an image (turned or not) is named by it; an arrow bound to the image ends on the box", () => {
    const logo = shape("img", "image", 871, 214, 342, 43, { angle: Math.PI / 2, customData: { alt: "influxdb.png" } });
    const s = scene()
      .box("api", "API", { x: 600, y: 200 })
      .raw(shape("box", "rectangle", 1000, -30, 85, 550))
      .raw(logo)
      .arrow("a", "api", "box", { label: "write points" });
    const m = buildModel(bindEnd(s.elements, "a", "endBinding", "img"));
    const box = m.boxById.get("box")!;
    expect(box.hasImage).toBe(true);
    expect(box.imageName).toBe("influxdb.png");
    expect(m.edgeById.get("a")?.to).toBe(box);
  });

  it("a stick figure (a round head over a body) is a user", () => {
    const g = { groupIds: ["person"] };
    const s = scene()
      .raw(shape("head", "ellipse", 0, 0, 24, 24, g))
      .raw({ ...line("body", 12, 24, 0, 40, g) });
    expect(buildModel(s.elements).boxById.get("head")?.kind).toBe("client");
    // A flag icon with a dot at its top is not a person.
    const flag = scene()
      .raw(shape("pole", "rectangle", 0, 0, 50, 54, { groupIds: ["f"] }))
      .raw(shape("dot", "ellipse", 14, 8, 2, 2, { groupIds: ["f"] }));
    expect(buildModel(flag.elements).components.some((b) => b.kind === "client")).toBe(false);
  });
});
