import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import type { RoomId } from "@archboard/protocol";
import { BoardIndex, UNTITLED, cleanTitle } from "./boardIndex.ts";
import { createBoardsStore } from "./boardsStore.ts";
import { acquireBoard, releaseBoard } from "./boardStorage.ts";

describe("BoardIndex", () => {
  it("creates boards with unique untitled names and lists the most recent first", () => {
    const index = new BoardIndex(new Y.Doc());
    const a = index.create(undefined, 1000);
    const b = index.create(undefined, 2000);
    const c = index.create("  URL   shortener  ", 3000);
    expect(a.title).toBe(UNTITLED);
    expect(b.title).toBe(`${UNTITLED} 2`);
    expect(c.title).toBe("URL shortener");
    expect(index.list().map((m) => m.id)).toEqual([c.id, b.id, a.id]);
    index.touch(a.id, 4000);
    expect(index.list()[0]?.id).toBe(a.id);
  });

  it("renames, duplicates and removes", () => {
    const index = new BoardIndex(new Y.Doc());
    const a = index.create("Chat", 1000);
    index.setThumbnail(a.id, "data:image/png;base64,AAAA");
    index.rename(a.id, "Chat (WhatsApp)", 2000);
    const copy = index.duplicateEntry(a.id, 3000)!;
    expect(copy.id).not.toBe(a.id);
    expect(copy.title).toBe("Chat (WhatsApp) (copy)");
    expect(copy.thumbnail).toBe("data:image/png;base64,AAAA");
    index.remove(a.id);
    expect(index.list().map((m) => m.title)).toEqual(["Chat (WhatsApp) (copy)"]);
    expect(index.rename(a.id, "gone")).toBeUndefined();
  });

  it("links a board to a room and finds it by the room; copies are not shared", () => {
    const index = new BoardIndex(new Y.Doc());
    const a = index.create("Payments");
    const room = "Room_0123456789abcdef" as RoomId;
    index.setRoom(a.id, room);
    expect(index.findByRoom(room)?.id).toBe(a.id);
    expect(index.duplicateEntry(a.id)?.roomId).toBeUndefined();
    index.setRoom(a.id, undefined);
    expect(index.findByRoom(room)).toBeUndefined();
    expect(index.get(a.id)?.title).toBe("Payments");
  });

  it("cleans titles: blank becomes untitled, long ones are cut", () => {
    expect(cleanTitle("   ")).toBe(UNTITLED);
    expect(cleanTitle("a\n\tb")).toBe("a b");
    expect(cleanTitle("x".repeat(500)).length).toBe(120);
  });

  it("skips entries that are not valid board metadata", () => {
    const doc = new Y.Doc();
    const index = new BoardIndex(doc);
    index.create("ok");
    doc.getMap("boards").set("junk", { title: 3 } as never);
    expect(index.list().map((b) => b.title)).toEqual(["ok"]);
  });
});

describe("boards store over IndexedDB", () => {
  it("keeps the list and board content across a reload", async () => {
    const dbName = `test-index-${Math.random()}`;
    const open = () => {
      const doc = new Y.Doc();
      const persistence = new IndexeddbPersistence(dbName, doc);
      return { store: createBoardsStore(new BoardIndex(doc), persistence.whenSynced), persistence, doc };
    };
    const first = open();
    await first.persistence.whenSynced;
    const meta = first.store.getState().create("Rate limiter");
    const board = await acquireBoard(meta.id);
    board.doc.getMap("elements").set("e1", { id: "e1", version: 1 });
    await releaseBoard(meta.id);
    const copy = await first.store.getState().duplicate(meta.id);
    expect(
      first.store
        .getState()
        .boards.map((b) => b.title)
        .sort(),
    ).toEqual(["Rate limiter", "Rate limiter (copy)"]);
    await first.persistence.destroy();

    const second = open();
    await second.persistence.whenSynced;
    await new Promise((r) => setTimeout(r, 0));
    expect(second.store.getState().ready).toBe(true);
    expect(
      second.store
        .getState()
        .boards.map((b) => b.title)
        .sort(),
    ).toEqual(["Rate limiter", "Rate limiter (copy)"]);
    const reopened = await acquireBoard(copy!.id);
    expect(reopened.doc.getMap("elements").get("e1")).toEqual({ id: "e1", version: 1 });
    await releaseBoard(copy!.id);

    await second.store.getState().remove(meta.id);
    expect(second.store.getState().boards.map((b) => b.title)).toEqual(["Rate limiter (copy)"]);
    const emptied = await acquireBoard(meta.id);
    expect(emptied.doc.getMap("elements").size).toBe(0);
    await releaseBoard(meta.id);
    await second.persistence.destroy();
  });
});
