import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD003 arrow-connected", () => {
  it("fires on an end that rests on a box but is not bound, naming the box", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "DB", { x: 300, y: 0 })
      .arrow("a", "api", "db", { unbound: true, label: "write" });
    const [f] = findingsOf("SD003", s.elements);
    expect(f?.message).toContain("touches “DB” but is not bound to it");
    expect(f?.elementIds).toEqual(["a"]);
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
});
