/**
 * The browser keeps a board's history in IndexedDB (the real storage code on
 * fake-indexeddb): every change with its time, checkpoints, thinning, and
 * rebuilding any moment after the board is closed and opened again.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { stateAt, thinningPolicy } from "@archboard/board-sync/history";
import { newBoardId } from "@archboard/protocol";
import * as Y from "yjs";
import { TAB_SYNC_ORIGIN } from "../board-list/tabSync.ts";
import { deleteHistoryDb, HistoryDb } from "./historyDb.ts";
import { recordHistory } from "./recordHistory.ts";

const DAY = 86_400_000;

const keysAt = async (db: HistoryDb, at: number) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateAt(await db.entriesAt(at), at));
  return [...doc.getMap("elements").keys()].sort();
};

describe("board history in IndexedDB", () => {
  const opened: HistoryDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  const open = async (id: ReturnType<typeof newBoardId>) => {
    const db = await HistoryDb.open(id);
    opened.push(db);
    return db;
  };

  it("records every change with its time and rebuilds any moment after reopening", async () => {
    const id = newBoardId();
    let clock = Date.UTC(2026, 3, 1, 10, 0);
    const doc = new Y.Doc();
    const db = await open(id);
    const recorder = recordHistory(doc, db, { checkpointEvery: 4, now: () => clock });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      clock += 1000;
      doc.getMap("elements").set(`s${i}`, { id: `s${i}` });
      times.push(clock);
    }
    // A change relayed from another tab is that tab's to record.
    const other = new Y.Doc();
    other.getMap("elements").set("from-tab", { id: "from-tab" });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), TAB_SYNC_ORIGIN);
    await recorder.stop();
    db.close();

    const again = await open(id);
    const points = again.points();
    expect(points.filter((p) => p.kind === "update")).toHaveLength(10);
    expect(points.filter((p) => p.kind === "checkpoint")).toHaveLength(2);
    expect(await keysAt(again, times[0]!)).toEqual(["s0"]);
    expect(await keysAt(again, times[5]!)).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"]);
    expect((await again.entriesAt(times[9]!))[0]?.kind).toBe("checkpoint");
    expect(await keysAt(again, times[0]! - 1)).toEqual([]);
  });

  it("remembers who made each change, through a reopen and a thinning", async () => {
    const id = newBoardId();
    let clock = Date.UTC(2026, 3, 1, 10, 0);
    const doc = new Y.Doc();
    const db = await open(id);
    const recorder = recordHistory(doc, db, { checkpointEvery: 100, now: () => clock });
    doc.getMap("elements").set("mine", { id: "mine" });
    const partner = new Y.Doc();
    partner.getMap("elements").set("theirs", { id: "theirs" });
    clock += 1000;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(partner), "server");
    await recorder.stop();
    db.close();

    const again = await open(id);
    expect(again.activity().map((a) => a.clients)).toEqual([[doc.clientID], [partner.clientID]]);
    // Two days on, the two changes thin into one point that holds both.
    clock += 2 * DAY;
    const doc2 = new Y.Doc();
    Y.applyUpdate(doc2, Y.encodeStateAsUpdate(doc));
    const later = recordHistory(doc2, again, { checkpointEvery: 1, now: () => clock });
    doc2.getMap("elements").set("later", { id: "later" });
    await later.stop();
    await again.refresh();
    const thinned = again.activity().find((a) => a.clients.length === 2);
    expect(thinned?.clients.slice().sort()).toEqual([doc.clientID, partner.clientID].sort());
  });

  it("deletes a board's history while another tab still has it open", async () => {
    const id = newBoardId();
    const elsewhere = await open(id);
    await elsewhere.append([{ at: 1, kind: "update", bytes: new Uint8Array([0, 0]) }]);
    await deleteHistoryDb(id);
    expect((await open(id)).points()).toEqual([]);
  });

  it("starts a board made before history with a checkpoint of what it holds", async () => {
    const doc = new Y.Doc();
    doc.getMap("elements").set("old", { id: "old" });
    const db = await open(newBoardId());
    await recordHistory(doc, db).stop();
    expect(db.points()).toEqual([{ at: expect.any(Number), kind: "checkpoint" }]);
  });

  it("thins changes older than a day into one point per minute at the next checkpoint", async () => {
    const id = newBoardId();
    let clock = Date.UTC(2026, 3, 1, 10, 0);
    const doc = new Y.Doc();
    const db = await open(id);
    const policy = thinningPolicy({ everyUpdateHours: 24, perMinuteDays: 7, keepDays: 30 });
    const recorder = recordHistory(doc, db, { checkpointEvery: 1000, now: () => clock, policy });
    // Three minutes of edits, one every 10 s.
    for (let i = 0; i < 18; i++) {
      clock += 10_000;
      doc.getMap("elements").set(`s${i % 5}`, { id: `s${i % 5}`, x: i });
    }
    await recorder.stop();
    const board = doc.getMap("elements").toJSON();
    clock += 2 * DAY;
    const later = recordHistory(doc, db, { checkpointEvery: 1, now: () => clock, policy });
    doc.getMap("elements").set("late", { id: "late" });
    await later.flush();
    await later.stop();
    const old = db.points().filter((p) => p.at < clock - DAY);
    expect(old.length).toBeLessThanOrEqual(4);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, stateAt(await db.entriesAt(old.at(-1)!.at), old.at(-1)!.at));
    expect(rebuilt.getMap("elements").toJSON()).toEqual(board);
    expect(await keysAt(db, clock)).toContain("late");
    db.close();
    opened.splice(0);
    await deleteHistoryDb(id);
    expect((await open(id)).points()).toEqual([]);
  });
});
