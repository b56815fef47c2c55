import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD002 arrow-label", () => {
  it("fires on an unlabelled edge and offers a placeholder label", () => {
    const s = scene()
      .box("api", "API Servers", { x: 0, y: 0 })
      .box("cache", "Cache", { x: 300, y: 0 })
      .arrow("a", "api", "cache");
    const [f] = findingsOf("SD002", s.elements);
    expect(f?.message).toBe(
      "Arrow from “API Servers” to “Cache” has no label: say what travels on it (e.g. “GET /feed”, “order events”)",
    );
    expect(f?.elementIds).toEqual(["a"]);
    expect(f?.suggestions?.[0]?.fix).toMatchObject({ kind: "add-arrow-label", arrowId: "a" });
  });

  it("stays quiet when free text sits by the arrow's midpoint", () => {
    const s = scene()
      .box("api", "API Servers", { x: 0, y: 0 })
      .box("cache", "Cache", { x: 300, y: 0 })
      .arrow("a", "api", "cache", { freeLabel: "read" });
    expect(findingsOf("SD002", s.elements)).toEqual([]);
  });

  it("stays quiet on a pointer arrow with a loose end (SD003's business)", () => {
    const s = scene().box("api", "API Servers", { x: 0, y: 0 }).arrow("a", null, "api", { unbound: true });
    expect(findingsOf("SD002", s.elements)).toEqual([]);
  });

  it("stays quiet on pointers between two records (a linked list of comments), fires on a box beside them", () => {
    const s = scene()
      .box("c1", "CommentID - 100\nPostID - 101\nparentID - NULL", { x: 0, y: 0, h: 100 })
      .box("c2", "CommentID - 101\nPostID - 101\nparentID - 100", { x: 300, y: 0, h: 100 })
      .box("api", "Comments API", { x: 300, y: 300 })
      .arrow("p", "c2", "c1")
      .arrow("q", "api", "c2");
    expect(findingsOf("SD002", s.elements).map((f) => f.elementIds)).toEqual([["q"]]);
  });
});
