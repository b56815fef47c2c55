/**
 * Restore: the board comes back exactly as it was (same ids and content,
 * versions above what anyone has), as one change, and a restore racing an
 * edit on another peer converges.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { elementsOf, readScene } from "../doc.ts";
import { testElement, type TestElement } from "../testing/memory-scene.ts";
import { captureUpdates, syncAll } from "../testing/peers.ts";
import { restoreChanges, restoreDoc } from "./restore.ts";

const visible = (doc: Y.Doc) =>
  readScene<TestElement>(doc)
    .elements.filter((e) => !e.isDeleted)
    .map(({ version: _v, versionNonce: _n, ...rest }) => rest);

function boardWithThreeSteps() {
  const doc = new Y.Doc();
  const els = elementsOf(doc);
  els.set("box", testElement("box", "a0", { x: 0 }));
  els.set("arrow", testElement("arrow", "a1", { x: 5 }));
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
  // Then: the box moves, the arrow is deleted, a new label appears.
  els.set("box", testElement("box", "a0", { x: 300, version: 4 }));
  els.set("arrow", testElement("arrow", "a1", { x: 5, version: 2, isDeleted: true }));
  els.set("label", testElement("label", "a2", { text: "cache", version: 1 }));
  return { doc, past };
}

describe("restore", () => {
  it("brings back exactly the earlier element set, with versions above the current ones", () => {
    const { doc, past } = boardWithThreeSteps();
    const before = readScene<TestElement>(doc).elements;
    const updates = captureUpdates(doc);
    expect(restoreDoc(doc, past)).toBe(3);
    expect(updates).toHaveLength(1);
    expect(visible(doc)).toEqual(visible(past));
    const after = new Map(readScene<TestElement>(doc).elements.map((e) => [e.id, e]));
    for (const old of before) expect(after.get(old.id)!.version).toBeGreaterThan(old.version);
    expect(after.get("label")!.isDeleted).toBe(true);
  });

  it("writes nothing when the board already is as it was", () => {
    const { doc, past } = boardWithThreeSteps();
    restoreDoc(doc, past);
    expect(restoreDoc(doc, past)).toBe(0);
    expect(restoreChanges(readScene(past).elements, readScene(past).elements)).toEqual([]);
  });

  it("converges when one peer restores while another edits", () => {
    const { doc: a, past } = boardWithThreeSteps();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    restoreDoc(a, past);
    // Concurrently, on b: the box is moved again and a new element drawn.
    elementsOf(b).set("box", testElement("box", "a0", { x: 999, version: 5 }));
    elementsOf(b).set("db", testElement("db", "a3", { x: 40 }));
    syncAll([a, b]);
    expect(readScene(a)).toEqual(readScene(b));
    // The element drawn during the restore is kept; the box is one of the two writes, the same on both.
    expect(visible(a).map((e) => e.id)).toContain("db");
  });
});
