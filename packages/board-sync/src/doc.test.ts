import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { elementsOf, filesOf, readScene, writeScene } from "./doc.ts";
import { testElement } from "./testing/memory-scene.ts";
import type { FileEntry } from "./types.ts";

const png: FileEntry = { id: "f1", mimeType: "image/png", dataURL: "data:image/png;base64,AA", created: 5 };

describe("readScene / writeScene", () => {
  it("round-trips elements in index order, tombstones included by default, as copies", () => {
    const doc = new Y.Doc();
    const elements = [testElement("a", "a0"), testElement("b", "a1", { isDeleted: true }), testElement("c", "a2")];
    writeScene(doc, elements, { f1: png });
    const scene = readScene(doc);
    expect(scene.elements.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(scene.elements[0]).toEqual(elements[0]);
    expect(scene.elements[0]).not.toBe(elementsOf(doc).get("a"));
    expect(scene.files).toEqual({ f1: png });
    expect(readScene(doc, { includeDeleted: false }).elements.map((e) => e.id)).toEqual(["a", "c"]);
  });

  it("stores copies: mutating the input afterwards leaves the doc alone", () => {
    const doc = new Y.Doc();
    const element = testElement("a", "a0", { x: 1 });
    writeScene(doc, [element]);
    element.x = 2;
    expect(elementsOf(doc).get("a")).toMatchObject({ x: 1 });
  });

  it("gives fresh indices in array order to elements from before fractional indices", () => {
    const doc = new Y.Doc();
    writeScene(doc, [testElement("z", null), testElement("y", null), testElement("x", "a0")]);
    const scene = readScene(doc);
    expect(scene.elements.map((e) => [e.id, e.index])).toEqual([
      ["z", "a0"],
      ["y", "a1"],
      ["x", "a2"],
    ]);
  });

  it("keeps valid indices as they are", () => {
    const doc = new Y.Doc();
    writeScene(doc, [testElement("p", "Zz"), testElement("q", "a0V")]);
    expect(readScene(doc).elements.map((e) => e.index)).toEqual(["Zz", "a0V"]);
  });

  it("does not overwrite a winning revision, and never rewrites a file", () => {
    const doc = new Y.Doc();
    writeScene(doc, [testElement("a", "a0", { version: 5, x: 1 })], [png]);
    writeScene(doc, [testElement("a", "a0", { version: 4, x: 2 })], [{ ...png, dataURL: "data:other" }]);
    expect(elementsOf(doc).get("a")).toMatchObject({ version: 5, x: 1 });
    expect(filesOf(doc).get("f1")).toEqual(png);
    writeScene(doc, [testElement("a", "a0", { version: 6, x: 3 })]);
    expect(elementsOf(doc).get("a")).toMatchObject({ version: 6, x: 3 });
  });

  it("skips malformed entries written by someone else", () => {
    const doc = new Y.Doc();
    writeScene(doc, [testElement("a", "a0")]);
    elementsOf(doc).set("bad", { id: "bad", version: "1" });
    elementsOf(doc).set("liar", testElement("other", "a1"));
    filesOf(doc).set("nofile", { id: "nofile" });
    const scene = readScene(doc);
    expect(scene.elements.map((e) => e.id)).toEqual(["a"]);
    expect(scene.files).toEqual({});
  });

  it("orders elements without an index after the indexed ones, by id", () => {
    const doc = new Y.Doc();
    const map = elementsOf(doc);
    map.set("k", testElement("k", null));
    map.set("b", testElement("b", "a5"));
    map.set("c", testElement("c", null));
    expect(readScene(doc).elements.map((e) => e.id)).toEqual(["b", "c", "k"]);
  });
});
