import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { cleanState, SqliteRoomStore } from "./sqlite-store.ts";
import { docFromUpdates, snapshot } from "../testing/sync-clients.ts";
import { tempDir } from "../testing/test-server.ts";

/** Edits a doc one transaction at a time and returns each transaction's update. */
function edits(doc: Y.Doc, n: number, from = 0): Uint8Array[] {
  const out: Uint8Array[] = [];
  const onUpdate = (u: Uint8Array) => out.push(u);
  doc.on("update", onUpdate);
  for (let i = from; i < from + n; i++) doc.getMap("elements").set(`e${i}`, { id: `e${i}`, version: i });
  doc.off("update", onUpdate);
  return out;
}

describe("SqliteRoomStore", () => {
  const dirs: { remove: () => void }[] = [];
  const stores: SqliteRoomStore[] = [];
  const open = (path: string) => {
    const s = new SqliteRoomStore(path);
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) d.remove();
  });

  it("appends in order per room and loads them back after reopening", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const store = open(dir.path);
    const [r1, r2] = [newRoomId(), newRoomId()];
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    const u1 = edits(d1, 30);
    const u2 = edits(d2, 5);
    // One turn's appends share a transaction; every promise still settles.
    await Promise.all([...u1.map((u) => store.append(r1, u)), ...u2.map((u) => store.append(r2, u))]);
    await store.close();
    const again = open(dir.path);
    const loaded = await again.load(r1);
    expect(loaded.updates).toHaveLength(30);
    expect(loaded.bytes).toBe(u1.reduce((n, u) => n + u.byteLength, 0));
    expect(snapshot(docFromUpdates(loaded.updates))).toEqual(snapshot(d1));
    expect(snapshot(docFromUpdates((await again.load(r2)).updates))).toEqual(snapshot(d2));
    expect((await again.load(newRoomId())).updates).toEqual([]);
  });

  it("compacts a room's log into one row with identical content, leaving other rooms alone", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const store = open(dir.path);
    const [room, other] = [newRoomId(), newRoomId()];
    const doc = new Y.Doc();
    for (const u of edits(doc, 100)) await store.append(room, u);
    await store.append(other, edits(new Y.Doc(), 1)[0] as Uint8Array);
    const result = await store.compact(room);
    expect(result?.rowsBefore).toBe(100);
    const after = await store.load(room);
    expect(after.updates).toHaveLength(1);
    expect(snapshot(docFromUpdates(after.updates))).toEqual(snapshot(doc));
    expect((await store.load(other)).updates).toHaveLength(1);
    expect(await store.compact(room)).toBeNull();
    // Appends after a compaction come after the merged row.
    for (const u of edits(doc, 3, 100)) await store.append(room, u);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
  });

  it("compaction keeps what is live, not every value a later edit overwrote", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const store = open(dir.path);
    const room = newRoomId();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    // A board's life: 40 shapes, each moved and restyled 50 times, a quarter of them deleted.
    const elements = doc.getMap("elements");
    for (let round = 0; round < 50; round++)
      for (let i = 0; i < 40; i++)
        elements.set(`e${i}`, { id: `e${i}`, x: round * 10, y: i * 90, version: round + 1, label: `service ${i}` });
    for (let i = 0; i < 10; i++) elements.delete(`e${i}`);
    for (const u of updates) await store.append(room, u);

    const result = await store.compact(room);
    const stored = (await store.load(room)).updates;
    expect(stored).toHaveLength(1);
    expect(snapshot(docFromUpdates(stored))).toEqual(snapshot(doc));
    const clean = Y.encodeStateAsUpdate(doc).byteLength;
    expect(result?.bytesAfter).toBe(stored[0]?.byteLength);
    expect(stored[0]!.byteLength).toBeLessThanOrEqual(clean * 1.2);
    // What Y.mergeUpdates alone would have kept: every overwritten value.
    expect(Y.mergeUpdates(updates).byteLength).toBeGreaterThan(clean * 3);
    // A peer that saw an old version still merges with the compacted room.
    const peer = docFromUpdates(updates.slice(0, 100));
    Y.applyUpdate(peer, stored[0]!);
    expect(snapshot(peer)).toEqual(snapshot(doc));
  });

  it("keeps an update whose dependency has not arrived yet", () => {
    const doc = new Y.Doc();
    const [first, second] = edits(doc, 2) as [Uint8Array, Uint8Array];
    const extra = new Y.Doc();
    Y.applyUpdate(extra, first);
    const late: Uint8Array[] = [];
    extra.on("update", (u: Uint8Array) => late.push(u));
    extra.getMap("elements").delete("e0");
    // The second row arrives before the first: the clean state still carries it.
    const state = cleanState([second, late[0]!]);
    const rebuilt = docFromUpdates([first, state]);
    expect(rebuilt.getMap("elements").has("e1")).toBe(true);
    expect(rebuilt.getMap("elements").has("e0")).toBe(false);
  });

  it("gives free pages back to the file system after compaction", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const store = open(dir.path);
    const room = newRoomId();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    // 300 rewrites of a 40 KB value: about 12 MB of log for a small live state.
    for (let i = 0; i < 300; i++) doc.getMap("files").set("image", "x".repeat(40_000) + String(i));
    for (const u of updates) await store.append(room, u);
    // Another connection sees the file as the store left it (WAL included), as a second process would.
    const pages = () => {
      const db = new Database(join(dir.path, "rooms.sqlite"), { readonly: true });
      try {
        const size = db.pragma("page_size", { simple: true }) as number;
        return {
          bytes: (db.pragma("page_count", { simple: true }) as number) * size,
          free: (db.pragma("freelist_count", { simple: true }) as number) * size,
        };
      } finally {
        db.close();
      }
    };
    const before = pages();
    expect(before.bytes).toBeGreaterThan(10_000_000);
    await store.compact(room);
    const after = pages();
    expect(after.bytes).toBeLessThan(before.bytes / 10);
    expect(after.free).toBe(0);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
  });

  it("turns on incremental vacuum in a file made before it, keeping its content", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const room = newRoomId();
    const doc = new Y.Doc();
    const store = open(dir.path);
    for (const u of edits(doc, 20)) await store.append(room, u);
    await store.close();
    // As a schema-2 file was: no auto-vacuum.
    const v2 = new Database(join(dir.path, "rooms.sqlite"));
    v2.pragma("auto_vacuum = NONE");
    v2.exec("VACUUM");
    v2.pragma("user_version = 2");
    expect(v2.pragma("auto_vacuum", { simple: true })).toBe(0);
    v2.close();
    const upgraded = open(dir.path);
    expect(snapshot(docFromUpdates((await upgraded.load(room)).updates))).toEqual(snapshot(doc));
    await upgraded.close();
    const check = new Database(join(dir.path, "rooms.sqlite"), { readonly: true });
    expect(check.pragma("auto_vacuum", { simple: true })).toBe(2);
    expect(check.pragma("user_version", { simple: true })).toBe(3);
    check.close();
  });

  it("shares one file between two stores, as two processes would", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const [a, b] = [open(dir.path), open(dir.path)];
    const room = newRoomId();
    const doc = new Y.Doc();
    const updates = edits(doc, 10);
    for (const [i, u] of updates.entries()) await (i % 2 ? a : b).append(room, u);
    expect(await b.compact(room)).toEqual({ rowsBefore: 10, bytesAfter: expect.any(Number) });
    expect(snapshot(docFromUpdates((await a.load(room)).updates))).toEqual(snapshot(doc));
    expect(await a.exists(room)).toBe(true);
    const created = newRoomId();
    expect(await a.exists(created)).toBe(false);
    expect(await a.getRoomMode(created)).toBeNull();
    await b.createRoom(created, "interview");
    expect(await a.exists(created)).toBe(true);
    expect(await a.getRoomMode(created)).toBe("interview");
    await expect(a.createRoom(created, "open")).rejects.toThrow();
    // A room that only appeared lazily (updates, never created) is open.
    expect(await a.getRoomMode(room)).toBe("open");
  });

  it("upgrades a schema-1 file: rooms created before modes existed are open", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const room = newRoomId();
    const v1 = new Database(join(dir.path, "rooms.sqlite"));
    v1.exec("CREATE TABLE rooms (id TEXT PRIMARY KEY, created INTEGER NOT NULL) STRICT;");
    v1.prepare("INSERT INTO rooms (id, created) VALUES (?, ?)").run(room, Date.now());
    v1.pragma("user_version = 1");
    v1.close();
    const store = open(dir.path);
    expect(await store.getRoomMode(room)).toBe("open");
    const interview = newRoomId();
    await store.createRoom(interview, "interview");
    expect(await store.getRoomMode(interview)).toBe("interview");
  });
});
