import { describe, expect, it } from "vitest";
import { lint, type SceneElement } from "@archboard/diagram-lint";
import { fixtureElements } from "@archboard/diagram-lint/testing/corpus";
import { applyFixes } from "./applyFixes.ts";

/** A vendored real board with unlabelled arrows. */
const board = (): SceneElement[] => fixtureElements("url-shortener-kuerzen.excalidraw");

describe("applying a rule's fixes together", () => {
  it("labels every unlabelled arrow of a real board in one pass", () => {
    const scene = board();
    const findings = lint(scene).filter((f) => f.ruleId === "SD002");
    expect(findings.length).toBeGreaterThan(3);
    const { scene: fixed, applied } = applyFixes(scene, findings);
    expect(applied).toBe(findings.length);
    expect(lint(fixed).filter((f) => f.ruleId === "SD002")).toEqual([]);
    // Each new label sits above everything before it: indices strictly increase along the array.
    const indices = fixed.map((e) => e.index).filter((i): i is string => typeof i === "string");
    expect([...indices].sort()).toEqual(indices);
    expect(new Set(indices).size).toBe(indices.length);
    // Nothing else changed.
    const changed = new Set(findings.flatMap((f) => f.elementIds));
    const untouched = (els: readonly SceneElement[]) => els.filter((e) => !changed.has(e.id) && !e.containerId);
    expect(untouched(fixed).filter((e) => scene.some((s) => s.id === e.id))).toEqual(untouched(scene));
  });

  it("attaches every loose arrow end of a real board, skipping fixes the board has moved past", () => {
    const scene = fixtureElements("gocache-architecture.excalidraw");
    const fixable = lint(scene).filter((f) => f.ruleId === "SD003" && f.suggestions?.some((s) => s.fix));
    expect(fixable.length).toBeGreaterThan(1);
    const goneArrow = fixable[0]!.elementIds[0]!;
    const edited = scene.map((e) => (e.id === goneArrow ? { ...e, isDeleted: true } : e));
    const { scene: fixed, applied } = applyFixes(edited, fixable);
    // Every loose end of the other arrows is attached, both ends where both were loose.
    const ends = (f: (typeof fixable)[number]) => f.suggestions!.filter((s) => s.fix?.kind === "bind-arrow").length;
    expect(fixable.some((f) => ends(f) === 2)).toBe(true);
    expect(applied).toBe(fixable.slice(1).reduce((n, f) => n + ends(f), 0));
    const stillLoose = new Set(lint(fixed).flatMap((f) => (f.ruleId === "SD003" ? f.elementIds : [])));
    for (const f of fixable.slice(1)) expect(stillLoose.has(f.elementIds[0]!)).toBe(false);
  });
});
