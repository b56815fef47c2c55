import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deleteVersion, readVersions, saveVersion, VERSION_NAME_MAX, VERSIONS_KEY } from "./versions.ts";

describe("named versions in the board's doc", () => {
  it("are saved, listed oldest first, shared through the doc and removed", () => {
    const doc = new Y.Doc();
    const later = saveVersion(doc, "  after deep dive ", 2000, "Ivy");
    saveVersion(doc, "before deep dive", 1000);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect(readVersions(peer).map((v) => [v.name, v.at, v.by])).toEqual([
      ["before deep dive", 1000, undefined],
      ["after deep dive", 2000, "Ivy"],
    ]);
    deleteVersion(doc, later.id);
    expect(readVersions(doc).map((v) => v.name)).toEqual(["before deep dive"]);
  });

  it("refuses an empty name, cuts a long one and skips entries that do not check out", () => {
    const doc = new Y.Doc();
    expect(() => saveVersion(doc, "   ", 1000)).toThrow("A version needs a name.");
    expect(saveVersion(doc, "x".repeat(200), 1000).name).toHaveLength(VERSION_NAME_MAX);
    doc.getMap(VERSIONS_KEY).set("bad", { name: "", at: "yesterday" });
    expect(readVersions(doc)).toHaveLength(1);
  });
});
