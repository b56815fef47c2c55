import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BoardBinding } from "./binding.ts";
import { elementsOf, filesOf, readScene, writeScene } from "./doc.ts";
import { MemoryScene, testElement, type TestElement } from "./testing/memory-scene.ts";
import { NETWORK_ORIGIN, syncAll } from "./testing/peers.ts";
import { LOCAL_ORIGIN, type FileEntry } from "./types.ts";

const file = (id: string): FileEntry => ({
  id,
  mimeType: "image/png",
  dataURL: `data:image/png;base64,${id}`,
  created: 1,
});

/** A peer: doc + scene loaded from it + binding, with Excalidraw-like onChange wiring. */
function peer(seed?: Y.Doc) {
  const doc = new Y.Doc();
  if (seed !== undefined) Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), NETWORK_ORIGIN);
  const initial = readScene<TestElement>(doc);
  const scene = new MemoryScene(initial.elements, initial.files);
  const binding = new BoardBinding(doc, scene);
  scene.binding = binding;
  const writes: string[][] = [];
  elementsOf(doc).observe((event, tr) => {
    if (tr.origin === LOCAL_ORIGIN) writes.push([...event.keysChanged].sort());
  });
  return { doc, scene, binding, writes };
}

function board(count = 3): Y.Doc {
  const doc = new Y.Doc();
  const elements = Array.from({ length: count }, (_, i) => testElement(`e${i}`, `a${i}`, { x: i * 10 }));
  writeScene(doc, elements);
  return doc;
}

const stamps = (elements: readonly TestElement[]) =>
  elements.map((e) => [e.id, e.version, e.versionNonce, e.isDeleted]);

describe("BoardBinding: local to doc", () => {
  it("writes nothing when the scene already matches the doc", () => {
    const a = peer(board());
    a.scene.onChange();
    expect(a.writes).toEqual([]);
  });

  it("writes only the changed elements, in one transaction with the local origin", () => {
    const a = peer(board(5));
    a.scene.mutate("e1", { x: 99 }, 7);
    expect(a.writes).toEqual([["e1"]]);
    expect(elementsOf(a.doc).get("e1")).toMatchObject({ x: 99, version: 2, versionNonce: 7 });
    a.scene.mutate("e3", { text: "db" }, 8);
    expect(a.writes).toEqual([["e1"], ["e3"]]);
  });

  it("writes a copy: later in-place mutation of the scene element does not reach the doc", () => {
    const a = peer(board());
    a.scene.mutate("e0", { x: 5 }, 3);
    const local = a.scene.byId("e0") as TestElement;
    local.x = 1234;
    (local.points[0] as number[])[0] = 77;
    expect(elementsOf(a.doc).get("e0")).toMatchObject({
      x: 5,
      points: [
        [0, 0],
        [10, 10],
      ],
    });
  });

  it("writes new files once and never rewrites an existing id", () => {
    const a = peer(board());
    a.scene.addFile(file("f1"));
    expect(filesOf(a.doc).get("f1")).toEqual(file("f1"));
    a.scene.files.set("f1", { ...file("f1"), dataURL: "data:changed" });
    a.scene.onChange();
    expect((filesOf(a.doc).get("f1") as FileEntry).dataURL).toBe(file("f1").dataURL);
  });
});

describe("BoardBinding: doc to local", () => {
  it("applies a remote edit and suppresses the echo", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    a.scene.mutate("e2", { x: 42 }, 5);
    syncAll([a.doc, b.doc]);
    expect(b.scene.byId("e2")).toMatchObject({ x: 42, version: 2, versionNonce: 5 });
    expect(b.scene.applied).toHaveLength(1);
    // MemoryScene's onChange ran pushLocal synchronously inside applyRemote: nothing written.
    expect(b.writes).toEqual([]);
    b.binding.pushLocal(b.scene.elements);
    expect(b.writes).toEqual([]);
  });

  it("hands the scene copies, never the doc's objects", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    a.scene.mutate("e1", { x: 1 }, 9);
    syncAll([a.doc, b.doc]);
    const received = b.scene.applied[0]?.find((e) => e.id === "e1") as TestElement;
    expect(received).not.toBe(elementsOf(b.doc).get("e1"));
    received.x = -1;
    (received.points[1] as number[])[0] = -1;
    expect(elementsOf(b.doc).get("e1")).toMatchObject({
      x: 1,
      points: [
        [0, 0],
        [10, 10],
      ],
    });
  });

  it("propagates deletes as tombstones", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    a.scene.mutate("e0", { isDeleted: true }, 4);
    syncAll([a.doc, b.doc]);
    expect(b.scene.byId("e0")).toMatchObject({ isDeleted: true, version: 2 });
    expect(elementsOf(b.doc).has("e0")).toBe(true);
    expect(readScene(b.doc, { includeDeleted: false }).elements.map((e) => e.id)).toEqual(["e1", "e2"]);
  });

  it("inserts and moves remote elements by fractional index", () => {
    const seed = board(3); // a0 a1 a2
    const a = peer(seed);
    const b = peer(seed);
    a.scene.create(testElement("n", "a0V"));
    a.scene.mutate("e0", { index: "a3" }, 2);
    syncAll([a.doc, b.doc]);
    expect(b.scene.elements.map((e) => e.id)).toEqual(["n", "e1", "e2", "e0"]);
    expect(a.scene.elements.map((e) => e.id)).toEqual(["n", "e1", "e2", "e0"]);
  });

  it("passes remote files to addFiles, as copies", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    a.scene.addFile(file("img"));
    syncAll([a.doc, b.doc]);
    expect(b.scene.files.get("img")).toEqual(file("img"));
    expect(b.scene.files.get("img")).not.toBe(filesOf(b.doc).get("img"));
    expect(b.writes).toEqual([]);
  });

  it("stops observing after destroy", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    b.binding.destroy();
    a.scene.mutate("e0", { x: 3 }, 3);
    syncAll([a.doc, b.doc]);
    expect(b.scene.applied).toHaveLength(0);
  });
});

describe("BoardBinding: local wins", () => {
  it("keeps a higher local version and writes it back so both sides converge", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    // b changed e0 twice without a sync in between: version 3 against a's version 2.
    b.scene.binding = undefined;
    b.scene.mutate("e0", { x: 1 }, 50);
    b.scene.mutate("e0", { x: 2 }, 51);
    a.scene.mutate("e0", { x: 100 }, 1);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)), NETWORK_ORIGIN);
    expect(b.scene.byId("e0")).toMatchObject({ x: 2, version: 3 });
    expect(b.writes).toEqual([["e0"]]);
    syncAll([a.doc, b.doc]);
    expect(a.scene.byId("e0")).toMatchObject({ x: 2, version: 3, versionNonce: 51 });
  });

  it("on a version tie keeps the lower versionNonce on both sides", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    a.scene.mutate("e1", { x: 10 }, 900);
    b.scene.mutate("e1", { x: 20 }, 100);
    syncAll([a.doc, b.doc]);
    for (const p of [a, b]) expect(p.scene.byId("e1")).toMatchObject({ x: 20, version: 2, versionNonce: 100 });
    expect(elementsOf(a.doc).get("e1")).toMatchObject({ versionNonce: 100 });
  });

  it("keeps an element being edited, then takes the newer remote once editing ends", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    b.scene.editing.add("e2");
    b.scene.mutate("e2", { text: "typing" }, 5);
    a.scene.mutate("e2", { x: 1 }, 6);
    a.scene.mutate("e2", { x: 2 }, 7); // version 3 beats b's version 2
    syncAll([a.doc, b.doc]);
    expect(b.scene.byId("e2")).toMatchObject({ text: "typing", version: 2 });
    expect(b.writes).toEqual([["e2"]]); // b's own edit, no write-back of the losing element
    b.scene.editing.delete("e2");
    b.scene.onChange(); // Excalidraw fires onChange when editing ends
    expect(b.scene.byId("e2")).toMatchObject({ x: 2, version: 3, versionNonce: 7, text: "" });
    syncAll([a.doc, b.doc]);
    expect(stamps(a.scene.elements)).toEqual(stamps(b.scene.elements));
  });

  it("writes back an element being edited when it also wins by version", () => {
    const seed = board();
    const a = peer(seed);
    const b = peer(seed);
    b.scene.binding = undefined; // b's edits not pushed yet
    b.scene.editing.add("e0");
    b.scene.mutate("e0", { x: 1 }, 1);
    b.scene.mutate("e0", { x: 2 }, 1);
    a.scene.mutate("e0", { x: 9 }, 9);
    syncAll([a.doc, b.doc]);
    expect(b.scene.byId("e0")).toMatchObject({ x: 2, version: 3 });
    expect(a.scene.byId("e0")).toMatchObject({ x: 2, version: 3 });
  });
});

describe("BoardBinding: construction", () => {
  it("reconciles a scene that differs from the doc", () => {
    const doc = board(2);
    const scene = new MemoryScene([testElement("e0", "a0", { version: 5, versionNonce: 1 }), testElement("x", "a5")]);
    const binding = new BoardBinding(doc, scene);
    expect(scene.elements.map((e) => [e.id, e.version])).toEqual([
      ["e0", 5],
      ["e1", 1],
      ["x", 1],
    ]);
    expect(elementsOf(doc).get("e0")).toMatchObject({ version: 5 });
    expect(elementsOf(doc).has("x")).toBe(true);
    binding.destroy();
  });

  it("picks up a doc that fills in after the binding exists (IndexedDB or a provider)", () => {
    const seed = board(4);
    const doc = new Y.Doc();
    const scene = new MemoryScene();
    scene.binding = new BoardBinding(doc, scene);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed), NETWORK_ORIGIN);
    expect(scene.elements.map((e) => e.id)).toEqual(["e0", "e1", "e2", "e3"]);
  });
});
