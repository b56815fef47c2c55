import { describe, expect, it } from "vitest";
import { lint } from "../lint.ts";
import type { SceneElement } from "@archboard/scene";
import { scene } from "../testing/scene.ts";
import { applyFix, mergeElements } from "./apply-fix.ts";

/** Both sides of every text binding agree: text.containerId ⇄ container.boundElements. */
function expectConsistentBindings(elements: readonly SceneElement[]): void {
  const byId = new Map(elements.map((e) => [e.id, e]));
  for (const el of elements) {
    if (el.type === "text" && el.containerId) {
      expect(byId.get(el.containerId)?.boundElements).toContainEqual({ type: "text", id: el.id });
    }
    for (const ref of el.boundElements ?? []) {
      if (ref.type === "text") expect(byId.get(ref.id)?.containerId).toBe(el.id);
    }
  }
}

describe("applyFix", () => {
  it("SD013: binds free text to its box; the finding goes away and both sides agree", () => {
    const before = scene().box("api", "API Servers", { x: 0, y: 0, freeLabel: true }).elements;
    const finding = lint(before).find((f) => f.ruleId === "SD013")!;
    const { elements: changed } = applyFix(before, finding, 0);
    expect(changed.map((e) => e.id).sort()).toEqual(["api", "api-label"]);
    const text = changed.find((e) => e.id === "api-label")!;
    const box = changed.find((e) => e.id === "api")!;
    expect(text).toMatchObject({
      containerId: "api",
      textAlign: "center",
      verticalAlign: "middle",
      autoResize: true,
      version: 2,
    });
    expect(box.version).toBe(2);
    expect(box.versionNonce).not.toBe(before.find((e) => e.id === "api")!.versionNonce);
    expect(typeof box["updated"]).toBe("number");
    const after = mergeElements(before, changed);
    expectConsistentBindings(after);
    expect(lint(after).some((f) => f.ruleId === "SD013")).toBe(false);
    expect(buildLabel(after, "api-label")).toBe("API Servers");
  });

  it("SD013: binds free text to the arrow it labels", () => {
    const before = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 300, y: 0 })
      .arrow("e", "a", "b", { freeLabel: "GET" }).elements;
    const finding = lint(before).find((f) => f.ruleId === "SD013")!;
    const after = mergeElements(before, applyFix(before, finding).elements);
    expectConsistentBindings(after);
    expect(after.find((e) => e.id === "e-label")?.containerId).toBe("e");
    expect(lint(after).some((f) => f.ruleId === "SD013" || f.ruleId === "SD002")).toBe(false);
  });

  it("SD002: adds a complete bound text element to the arrow", () => {
    const before = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 300, y: 0 })
      .arrow("e", "a", "b").elements;
    const finding = lint(before).find((f) => f.ruleId === "SD002")!;
    const { elements: changed } = applyFix(before, finding, 0);
    const added = changed.find((e) => e.type === "text")!;
    expect(added).toMatchObject({
      type: "text",
      containerId: "e",
      textAlign: "center",
      verticalAlign: "middle",
      autoResize: true,
      lineHeight: 1.25,
      fontFamily: 5,
      isDeleted: false,
      version: 1,
      frameId: null,
    });
    expect(added.text).toBe(added.originalText);
    expect(added.fontSize).toBeGreaterThan(0);
    expect(typeof added.index).toBe("string");
    expect(before.every((e) => (e.index ?? "") < (added.index as string))).toBe(true);
    for (const key of [
      "id",
      "x",
      "y",
      "width",
      "height",
      "seed",
      "versionNonce",
      "updated",
      "groupIds",
      "boundElements",
      "link",
      "locked",
      "angle",
      "strokeColor",
      "opacity",
    ]) {
      expect(added).toHaveProperty(key);
    }
    const after = mergeElements(before, changed);
    expectConsistentBindings(after);
    expect(lint(after).some((f) => f.ruleId === "SD002")).toBe(false);
  });

  it("returns nothing for a stale finding or one without a fix", () => {
    const before = scene()
      .box("a", "API", { x: 0, y: 0 })
      .box("b", "Cache", { x: 300, y: 0 })
      .arrow("e", "a", "b").elements;
    const finding = lint(before).find((f) => f.ruleId === "SD002")!;
    const already = mergeElements(before, applyFix(before, finding).elements);
    expect(applyFix(already, finding).elements).toEqual([]);
    expect(applyFix(before, { ...finding, suggestions: [] }).elements).toEqual([]);
  });
});

function buildLabel(elements: readonly SceneElement[], textId: string): string | undefined {
  return elements.find((e) => e.id === textId)?.text;
}
