/**
 * Templates, the linter and the scene package speak one vocabulary: the kinds and tiers
 * a template writes are the very objects the linter reads, and both estimate text with
 * the one measure in `@archboard/scene`. (`packages/scene/src/single-source.test.ts`
 * checks that no other file defines them again.)
 */
import { applyFix, KINDS as LINT_KINDS, lint, TIER as LINT_TIER } from "@archboard/diagram-lint";
import { KIND_FILL, KINDS as SCENE_KINDS, measureText, TIER as SCENE_TIER } from "@archboard/scene";
import { describe, expect, it } from "vitest";
import { getTemplate, KINDS, layout, TIER } from "./index.ts";
import { BOX_LOOK } from "./kinds.ts";

describe("the shared vocabulary", () => {
  it("gives templates and the linter the same kind list and tier table", () => {
    expect(KINDS).toBe(SCENE_KINDS);
    expect(LINT_KINDS).toBe(SCENE_KINDS);
    expect(TIER).toBe(SCENE_TIER);
    expect(LINT_TIER).toBe(SCENE_TIER);
  });

  it("fills every kind's box with the kind's one colour", () => {
    for (const kind of SCENE_KINDS) expect(BOX_LOOK[kind].backgroundColor).toBe(KIND_FILL[kind]);
  });

  it("sizes template labels and the linter's new labels with the same text estimate", () => {
    const d = layout(getTemplate("standard-architecture")!);
    for (const b of d.boxes) {
      if (b.label) expect(b.label.block).toMatchObject(measureText(b.label.block.text, b.label.fontSize));
    }
    const elements = [
      { id: "a", type: "rectangle", x: 0, y: 0, width: 160, height: 80, boundElements: [{ id: "e", type: "arrow" }] },
      { id: "b", type: "rectangle", x: 400, y: 0, width: 160, height: 80, boundElements: [{ id: "e", type: "arrow" }] },
      {
        id: "e",
        type: "arrow",
        x: 161,
        y: 40,
        width: 238,
        height: 0,
        points: [
          [0, 0],
          [238, 0],
        ],
        startBinding: { elementId: "a" },
        endBinding: { elementId: "b" },
        endArrowhead: "arrow",
      },
    ];
    const finding = lint(elements).find((f) => f.suggestions?.[0]?.fix?.kind === "add-arrow-label")!;
    const label = applyFix(elements, finding).elements.find((e) => e.type === "text")!;
    expect(label).toMatchObject(measureText(label["text"] as string, label["fontSize"] as number));
  });
});
