/**
 * The SQLite store keeps each document's history: compaction writes a
 * checkpoint instead of discarding the log, any past moment rebuilds, aged
 * history is thinned on the store's policy, and files from before history
 * existed open with their content as history.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stateAt, thinningPolicy } from "@archboard/board-sync/history";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { SqliteRoomStore } from "./sqlite-store.ts";
import { docFromUpdates, snapshot } from "../testing/sync-clients.ts";
import { tempDir } from "../testing/test-server.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One edit on `doc` (a shape moved to `x`) and the update it made. */
function edit(doc: Y.Doc, id: string, x: number): Uint8Array {
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (update = u);
  doc.on("update", grab);
  doc.getMap("elements").set(id, { id, x });
  doc.off("update", grab);
  return update as unknown as Uint8Array;
}

const boardAt = (entries: Parameters<typeof stateAt>[0], at: number) =>
  snapshot(docFromUpdates([stateAt(entries, at)]));

describe("SqliteRoomStore history", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const openStore = (policy = thinningPolicy({})) => {
    const dir = tempDir("archboard-history-");
    const store = new SqliteRoomStore(dir.path, { history: policy });
    cleanups.push(
      () => dir.remove(),
      () => store.close(),
    );
    return { store, dir };
  };

  it("keeps every update across compactions and rebuilds any moment, before and after a checkpoint", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.UTC(2026, 2, 1, 9, 0);
    const { store } = openStore();
    const room = newRoomId();
    const doc = new Y.Doc();
    const boards: { at: number; board: unknown }[] = [];
    for (let i = 0; i < 30; i++) {
      vi.setSystemTime(t0 + i * 1000);
      await store.append(room, edit(doc, `s${i % 4}`, i));
      boards.push({ at: t0 + i * 1000, board: snapshot(doc) });
      if (i === 9 || i === 19) await store.compact(room);
    }
    const points = await store.historyPoints(room);
    expect(points.filter((p) => p.kind === "update")).toHaveLength(30);
    expect(points.filter((p) => p.kind === "checkpoint")).toHaveLength(2);
    // The live document loads from the last checkpoint on.
    expect((await store.load(room)).updates).toHaveLength(11);
    for (const { at, board } of boards) {
      const entries = await store.historyAt(room, at);
      expect(boardAt(entries, at)).toEqual(board);
    }
    expect(await store.historyAt(room, t0 - 1)).toEqual([]);
    // After the second checkpoint, a rebuild starts from it rather than from the first update.
    expect((await store.historyAt(room, t0 + 25_000))[0]?.kind).toBe("checkpoint");
  });

  it("thins history older than a day at compaction, keeping the board as it was at the end of each minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = Date.UTC(2026, 2, 1, 9, 0);
    const { store } = openStore(thinningPolicy({ everyUpdateHours: 24, perMinuteDays: 7, keepDays: 90 }));
    const room = newRoomId();
    const doc = new Y.Doc();
    const endOfMinute = new Map<number, unknown>();
    // Five minutes of drawing, an edit every 5 s.
    for (let i = 0; i < 60; i++) {
      const at = t0 + i * 5000;
      vi.setSystemTime(at);
      await store.append(room, edit(doc, `s${i % 6}`, i));
      endOfMinute.set(Math.floor(at / 60_000), { at, board: snapshot(doc) });
    }
    // Two days later, one more edit and a compaction.
    vi.setSystemTime(t0 + 2 * DAY);
    await store.append(room, edit(doc, "late", 1));
    await store.append(room, edit(doc, "late", 2));
    const result = await store.compact(room);
    expect(result?.thinnedRows).toBe(60);
    const points = await store.historyPoints(room);
    const old = points.filter((p) => p.at < t0 + DAY);
    expect(old).toHaveLength(5);
    for (const { at, board } of endOfMinute.values() as Iterable<{ at: number; board: unknown }>)
      expect(boardAt(await store.historyAt(room, at), at)).toEqual(board);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
    // Nothing more to thin until more of it ages.
    await store.append(room, edit(doc, "late", 3));
    expect((await store.compact(room))?.thinnedRows).toBe(0);
  });

  it("opens a file from before history was kept: its rows become the start of history", async () => {
    const { store, dir } = openStore();
    const room = newRoomId();
    const doc = new Y.Doc();
    for (let i = 0; i < 5; i++) await store.append(room, edit(doc, `s${i}`, i));
    await store.close();
    // As a schema-3 file was: no kind column.
    const v3 = new Database(join(dir.path, "rooms.sqlite"));
    v3.exec(
      "DROP INDEX checkpoints_by_room; ALTER TABLE updates DROP COLUMN kind; ALTER TABLE updates DROP COLUMN codec;",
    );
    v3.pragma("user_version = 3");
    v3.close();
    const again = new SqliteRoomStore(dir.path);
    cleanups.push(() => again.close());
    expect(snapshot(docFromUpdates((await again.load(room)).updates))).toEqual(snapshot(doc));
    expect(await again.historyPoints(room)).toHaveLength(5);
    await again.compact(room);
    expect(await again.historyPoints(room)).toHaveLength(6);
  });

  it("stores checkpoints compressed and reads them back in loads, history and thinning", async () => {
    const { store, dir } = openStore(thinningPolicy({ everyUpdateHours: 1, perMinuteDays: 1, keepDays: 2 }));
    const room = newRoomId();
    const doc = new Y.Doc();
    const t0 = Date.UTC(2026, 0, 12, 10, 0);
    vi.useFakeTimers({ now: t0, toFake: ["Date"] });
    // Labelled shapes, as boards hold: JSON text that deflate shrinks.
    const label = (i: number) => ({
      id: `s${i}`,
      type: "rectangle",
      x: i * 40,
      y: 0,
      text: `Service ${i} handles requests`,
    });
    for (let i = 0; i < 200; i++) {
      vi.setSystemTime(t0 + i * 1_000);
      let update: Uint8Array | null = null;
      doc.once("update", (u: Uint8Array) => (update = u));
      doc.getMap("elements").set(`s${i % 50}`, label(i));
      await store.append(room, update as unknown as Uint8Array);
    }
    const middle = snapshot(doc);
    await store.compact(room);
    const rows = () => {
      const db = new Database(join(dir.path, "rooms.sqlite"), { readonly: true });
      try {
        return db
          .prepare("SELECT kind, codec, length(bytes) AS n FROM updates WHERE room = ? ORDER BY seq")
          .all(room) as {
          kind: number;
          codec: number;
          n: number;
        }[];
      } finally {
        db.close();
      }
    };
    const checkpoint = rows().at(-1)!;
    expect(checkpoint).toMatchObject({ kind: 1, codec: 1 });
    expect(checkpoint.n).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength / 3);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(middle);
    expect(boardAt(await store.historyAt(room, t0 + 300_000), t0 + 300_000)).toEqual(middle);
    // Two days on, thinning reads the compressed checkpoint and writes a compressed one.
    vi.setSystemTime(t0 + 2 * DAY + HOUR);
    doc.getMap("elements").set("late", { id: "late" });
    await store.append(room, Y.encodeStateAsUpdate(doc));
    await store.compact(room);
    expect(rows().filter((r) => r.codec === 1).length).toBeGreaterThan(0);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
  });

  it("refuses a row in a codec it does not know, naming it", async () => {
    const { store, dir } = openStore();
    const room = newRoomId();
    const doc = new Y.Doc();
    await store.append(room, edit(doc, "a", 1));
    await store.close();
    const db = new Database(join(dir.path, "rooms.sqlite"));
    db.prepare("UPDATE updates SET codec = 7 WHERE room = ?").run(room);
    db.close();
    const again = new SqliteRoomStore(dir.path);
    cleanups.push(() => again.close());
    await expect(again.load(room)).rejects.toThrow(/codec 7/);
  });
});
