import { afterEach, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { docFromUpdates, edits, snapshot } from "../testing/sync-clients.ts";
import { tempDir } from "../testing/test-server.ts";
import { openTestStore, testStoreKind } from "../testing/test-store.ts";
import type { RoomStore } from "./store.ts";

// What every RoomStore promises; the server-pg project runs these against PostgreSQL.
describe(`RoomStore (${testStoreKind()})`, () => {
  const dirs: { remove: () => void }[] = [];
  const stores: RoomStore[] = [];
  const open = async (path: string) => {
    const s = await openTestStore(path);
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
    const store = await open(dir.path);
    const [r1, r2] = [newRoomId(), newRoomId()];
    const d1 = new Y.Doc();
    const d2 = new Y.Doc();
    const u1 = edits(d1, 30);
    const u2 = edits(d2, 5);
    // One turn's appends share a transaction; every promise still settles.
    await Promise.all([...u1.map((u) => store.append(r1, u)), ...u2.map((u) => store.append(r2, u))]);
    await store.close();
    const again = await open(dir.path);
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
    const store = await open(dir.path);
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
    const store = await open(dir.path);
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

  it("shares one store between two instances, as two processes would", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const [a, b] = [await open(dir.path), await open(dir.path)];
    const room = newRoomId();
    const doc = new Y.Doc();
    const updates = edits(doc, 10);
    for (const [i, u] of updates.entries()) await (i % 2 ? a : b).append(room, u);
    expect(await b.compact(room)).toEqual({ rowsBefore: 10, bytesAfter: expect.any(Number), thinnedRows: 0 });
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
});
