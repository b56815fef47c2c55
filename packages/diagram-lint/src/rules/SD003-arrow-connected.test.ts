import { describe, expect, it } from "vitest";
import { applyFix } from "../fixes/apply-fix.ts";
import { scene, type Json } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

/** An arrow from (x0, y0) to (x1, y1), bound to nothing. */
const looseArrow = (id: string, x0: number, y0: number, x1: number, y1: number): Json => ({
  ...scene()
    .box("p0", "", { x: 0, y: 0 })
    .box("p1", "", { x: 400, y: 0 })
    .arrow(id, "p0", "p1", { unbound: true })
    .get(id),
  x: x0,
  y: y0,
  points: [
    [0, 0],
    [x1 - x0, y1 - y0],
  ],
  startBinding: null,
  endBinding: null,
});

describe("SD003 arrow-connected", () => {
  it("names the box an unbound end rests on and offers to attach it", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "DB", { x: 300, y: 0 })
      .arrow("a", "api", "db", { unbound: true, label: "write" });
    const [f] = findingsOf("SD003", s.elements);
    expect(f?.message).toContain("its end touches “DB” but is not attached: drag the end onto the box");
    expect(f?.elementIds).toEqual(["a"]);
    expect(f?.suggestions?.map((x) => x.fix)).toEqual([
      { kind: "bind-arrow", arrowId: "a", end: "start", boxId: "api" },
      { kind: "bind-arrow", arrowId: "a", end: "end", boxId: "db" },
    ]);
  });

  it("says how far an end stops short of the nearest box", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "DB", { x: 300, y: 0 })
      .raw({ ...looseArrow("a", 161, 40, 265, 40), startBinding: { elementId: "api", focus: 0, gap: 1 } });
    expect(findingsOf("SD003", s.elements)[0]?.message).toContain(
      "its end stops 35 px short of “DB”: attach it to the box",
    );
  });

  it("fires on an end bound to the free text lying on a box, and the fix binds the box instead", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Orders DB", { x: 300, y: 0, freeLabel: true })
      .arrow("a", "api", "db", { label: "write" });
    // As old files have it: the arrow and the text list each other; the box knows nothing of the arrow.
    const elements = s.elements.map((e) =>
      e.id === "a"
        ? { ...e, endBinding: { elementId: "db-label", focus: 0, gap: 1 } }
        : e.id === "db"
          ? { ...e, boundElements: null }
          : e.id === "db-label"
            ? { ...e, boundElements: [{ type: "arrow", id: "a" }] }
            : e,
    );
    const [f] = findingsOf("SD003", elements);
    expect(f?.message).toContain(
      "its end is bound to the label text of “Orders DB”, not to the box: it will stay behind when the box moves",
    );
    const changed = applyFix(elements, f!, 0).elements;
    expect(changed.find((e) => e.id === "a")?.endBinding).toMatchObject({ elementId: "db" });
    expect(changed.find((e) => e.id === "db")?.boundElements).toContainEqual({ type: "arrow", id: "a" });
    expect(changed.find((e) => e.id === "db-label")?.boundElements).toEqual([]);
  });

  it("stays quiet on an arrow bound to text grouped with its box (they move together)", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Orders DB", { x: 300, y: 0, freeLabel: true, groupIds: ["g"] })
      .arrow("a", "api", "db", { label: "write" });
    const elements = s.elements.map((e) =>
      e.id === "a" ? { ...e, endBinding: { elementId: "db-label", focus: 0, gap: 1 } } : e,
    );
    expect(findingsOf("SD003", elements)).toEqual([]);
  });

  it("fires on a binding to a deleted element", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "DB", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "write" });
    const elements = s.elements.map((e) => (e.id === "db" ? { ...e, isDeleted: true } : e));
    expect(findingsOf("SD003", elements)[0]?.message).toContain("deleted");
  });

  it("stays quiet when both ends are bound", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "DB", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "write" });
    expect(findingsOf("SD003", s.elements)).toEqual([]);
  });

  it("stays quiet on pointers from notes, arrows between texts and zero-length strays", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .text("note", "Tests from this layer\ncan mock the store", { x: 80, y: 300 })
      .raw(looseArrow("p", 80, 275, 80, 90))
      .text("t1", "Injected dependencies", { x: 600, y: 300 })
      .text("t2", "Interfaces", { x: 900, y: 300 })
      .raw(looseArrow("tt", 700, 300, 850, 300))
      .raw(looseArrow("z", 10, 10, 11, 10));
    expect(findingsOf("SD003", s.elements)).toEqual([]);
  });

  it("stays quiet on messages between the lifelines of a sequence diagram", () => {
    const lifeline = (id: string, x: number): Json => ({
      ...looseArrow(id, x, 100, x, 700),
      type: "line",
      startArrowhead: null,
      endArrowhead: null,
    });
    const s = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("s", "Server", { x: 400, y: 0 })
      .raw(lifeline("l1", 80))
      .raw(lifeline("l2", 480))
      .raw(looseArrow("m1", 85, 200, 475, 200))
      .raw(looseArrow("m2", 475, 260, 85, 260));
    expect(findingsOf("SD003", s.elements)).toEqual([]);
    // The same arrows between two plain boxes are connections with loose ends.
    const plain = scene()
      .box("c", "Client", { x: 0, y: 150 })
      .box("s", "Server", { x: 560, y: 150 })
      .raw(looseArrow("m1", 200, 200, 520, 200));
    expect(findingsOf("SD003", plain.elements)).toHaveLength(1);
  });
});
