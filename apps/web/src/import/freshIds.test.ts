import { describe, expect, it } from "vitest";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { withFreshIds } from "./freshIds.ts";

const base = { groupIds: [] as string[], frameId: null, boundElements: null, index: "a0", isDeleted: false };
const scene = [
  {
    ...base,
    id: "box",
    type: "rectangle",
    groupIds: ["g1"],
    boundElements: [
      { id: "label", type: "text" },
      { id: "arrow", type: "arrow" },
    ],
  },
  { ...base, id: "label", type: "text", groupIds: ["g1"], containerId: "box" },
  {
    ...base,
    id: "arrow",
    type: "arrow",
    startBinding: { elementId: "box", focus: 0, gap: 1 },
    endBinding: { elementId: "elsewhere", focus: 0, gap: 1 },
  },
] as unknown as ExcalidrawElement[];

describe("withFreshIds", () => {
  it("gives every element a new id and keeps labels, bindings and groups pointing at the copies", () => {
    const [box, label, arrow] = withFreshIds(scene) as unknown as Array<Record<string, any>>;
    const oldIds = new Set(scene.map((e) => e.id));
    for (const e of [box, label, arrow]) expect(oldIds.has(e!.id)).toBe(false);
    expect(label!.containerId).toBe(box!.id);
    expect(box!.boundElements.map((b: { id: string }) => b.id)).toEqual([label!.id, arrow!.id]);
    expect(arrow!.startBinding.elementId).toBe(box!.id);
    expect(box!.groupIds).toEqual(label!.groupIds);
    expect(box!.groupIds[0]).not.toBe("g1");
  });

  it("drops references to elements it was not given, and the stacking order", () => {
    const [box, , arrow] = withFreshIds(scene) as unknown as Array<Record<string, any>>;
    expect(arrow!.endBinding).toBeNull();
    expect(box!.index).toBeNull();
  });

  it("gives two insertions of the same board different ids", () => {
    const a = withFreshIds(scene).map((e) => e.id);
    const b = withFreshIds(scene).map((e) => e.id);
    expect(a.some((id) => b.includes(id))).toBe(false);
  });
});
