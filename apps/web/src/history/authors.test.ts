import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AUTHORS_KEY, readAuthors, recordAuthor } from "./authors.ts";

describe("who drew: names in the board's doc", () => {
  it("names each client id once, is shared through the doc and skips entries that do not check out", () => {
    const doc = new Y.Doc();
    recordAuthor(doc, { name: "Ivy", color: "#7048e8" });
    const writes: number[] = [];
    doc.on("update", () => writes.push(1));
    recordAuthor(doc, { name: "Ivy", color: "#7048e8" }); // already so: no write
    expect(writes).toHaveLength(0);
    doc.getMap(AUTHORS_KEY).set("not-a-client", { name: "X", color: "#000000" });
    doc.getMap(AUTHORS_KEY).set("42", { name: "" });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    expect([...readAuthors(peer)]).toEqual([[doc.clientID, { name: "Ivy", color: "#7048e8" }]]);
  });
});
