import { describe, expect, it } from "vitest";
import { elementsToExport, type ExportableElement } from "./selection.ts";

const scene: ExportableElement[] = [
  { id: "box", boundElements: [{ id: "label", type: "text" }] },
  { id: "label", containerId: "box" },
  { id: "arrow" },
  { id: "gone", isDeleted: true },
  { id: "frame" },
  { id: "inFrame", frameId: "frame" },
  { id: "g1", groupIds: ["inner", "outer"] },
  { id: "g2", groupIds: ["outer"] },
  { id: "other" },
];
const ids = (els: ExportableElement[]) => els.map((e) => e.id).sort();

describe("elementsToExport", () => {
  it("exports every live element for the whole board", () => {
    expect(ids(elementsToExport(scene, new Set(), false))).toEqual([
      "arrow",
      "box",
      "frame",
      "g1",
      "g2",
      "inFrame",
      "label",
      "other",
    ]);
  });

  it("widens a selection to labels, containers, frame contents and groups", () => {
    expect(ids(elementsToExport(scene, new Set(["box"]), true))).toEqual(["box", "label"]);
    expect(ids(elementsToExport(scene, new Set(["label"]), true))).toEqual(["box", "label"]);
    expect(ids(elementsToExport(scene, new Set(["frame"]), true))).toEqual(["frame", "inFrame"]);
    expect(ids(elementsToExport(scene, new Set(["g1"]), true))).toEqual(["g1", "g2"]);
  });

  it("exports nothing for an empty selection and never deleted elements", () => {
    expect(elementsToExport(scene, new Set(), true)).toEqual([]);
    expect(elementsToExport(scene, new Set(["gone"]), true)).toEqual([]);
  });
});
