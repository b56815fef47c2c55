import { intersects, seededRandom } from "@archboard/scene";
import { describe, expect, it } from "vitest";
import { getTemplate, templates } from "./catalog/index.ts";
import { insertBuildingBlock } from "./fragment.ts";
import { SIZES } from "./layout/types.ts";

const block = (id: string) => getTemplate(id)!;
const selected = {
  id: "sel",
  type: "rectangle",
  x: 1000,
  y: 500,
  width: 300,
  height: 120,
  boundElements: [{ id: "old", type: "arrow" }],
  version: 7,
};

describe("insertBuildingBlock", () => {
  it("places the cache left of and above the selected store, whatever its size", () => {
    const r = insertBuildingBlock(block("block-add-cache"), selected, { random: seededRandom("a") });
    const cache = r.elements.find((e) => e.type === "rectangle")!;
    // At least the tightest column gap; wider when the arrow's label needs it.
    expect(cache.x + cache.width).toBeLessThanOrEqual(selected.x - SIZES.gapX);
    expect(cache.y + cache.height).toBe(selected.y - SIZES.gapY);
    expect(r.anchor.boundElements).toEqual([
      { id: "old", type: "arrow" },
      { id: expect.stringContaining("arrow-cache-store"), type: "arrow" },
    ]);
  });

  it("centres same-column boxes under the selection and keeps new boxes off it", () => {
    const r = insertBuildingBlock(block("block-add-read-replicas"), selected, { random: seededRandom("b") });
    const replica = r.elements.find((e) => e.type === "ellipse")!;
    expect(replica.x + replica.width / 2).toBe(selected.x + selected.width / 2);
    expect(replica.y).toBeGreaterThanOrEqual(selected.y + selected.height + SIZES.gapY);
    expect(intersects(r.bounds, selected)).toBe(false);
  });

  it("aims arrows at an ellipse's outline when the selection is an ellipse", () => {
    const ellipse = { ...selected, type: "ellipse" };
    const r = insertBuildingBlock(block("block-add-read-replicas"), ellipse, { random: seededRandom("c") });
    const arrow = r.elements.find((e) => e.type === "arrow")!;
    // Straight down from the centre: the ellipse's bottom is at the same place as the box's.
    expect(arrow.y).toBeCloseTo(selected.y + selected.height + SIZES.bindingGap);
  });

  it("gives fresh ids on every insertion", () => {
    const a = insertBuildingBlock(block("block-add-queue-workers"), selected);
    const b = insertBuildingBlock(block("block-add-queue-workers"), selected);
    const ids = new Set(a.elements.map((e) => e.id));
    expect(b.elements.some((e) => ids.has(e.id))).toBe(false);
  });

  it("refuses templates that are not building blocks", () => {
    expect(() => insertBuildingBlock(templates[0]!, selected)).toThrow(/not a building block/);
  });
});
