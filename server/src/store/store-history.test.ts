/**
 * What every RoomStore keeps as history (the server-pg project runs these
 * against PostgreSQL): checkpoints written by compaction beside the updates,
 * any moment rebuilt before and after a checkpoint, aged history thinned.
 * Time is the real clock here (PostgreSQL stamps rows with its own), so the
 * steps wait for it to move rather than set it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { stateAt, thinningPolicy, type HistoryEntry } from "@archboard/board-sync/history";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { docFromUpdates, snapshot, waitFor } from "../testing/sync-clients.ts";
import { tempDir } from "../testing/test-server.ts";
import { openTestStore, testStoreKind } from "../testing/test-store.ts";
import type { RoomStore } from "./store.ts";

const boardAt = (entries: HistoryEntry[], at: number) => snapshot(docFromUpdates([stateAt(entries, at)]));

/** One edit on `doc` and the update it made. */
function edit(doc: Y.Doc, id: string, x: number): Uint8Array {
  const out: Uint8Array[] = [];
  const grab = (u: Uint8Array) => out.push(u);
  doc.on("update", grab);
  doc.getMap("elements").set(id, { id, x });
  doc.off("update", grab);
  return out[0] as Uint8Array;
}

describe(`RoomStore history (${testStoreKind()})`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const open = async (policy = thinningPolicy({})): Promise<RoomStore> => {
    const dir = tempDir("archboard-history-");
    const store = await openTestStore(dir.path, policy);
    cleanups.push(
      () => dir.remove(),
      () => store.close(),
    );
    return store;
  };
  /** Appends an edit and waits until the store's clock has passed the time it was stored at. */
  const step = async (store: RoomStore, room: ReturnType<typeof newRoomId>, update: Uint8Array) => {
    await store.append(room, update);
    const at = (await store.historyPoints(room)).at(-1)?.at ?? 0;
    await waitFor("the clock to move on", () => Date.now() > at + 1);
    return at;
  };

  it("keeps every update across compactions and rebuilds the board at each step", async () => {
    const store = await open();
    const room = newRoomId();
    const doc = new Y.Doc();
    const boards: { at: number; board: unknown }[] = [];
    for (let i = 0; i < 12; i++) {
      const at = await step(store, room, edit(doc, `s${i % 4}`, i));
      boards.push({ at, board: snapshot(doc) });
      if (i === 4 || i === 8) await store.compact(room);
    }
    const points = await store.historyPoints(room);
    expect(points.filter((p) => p.kind === "update")).toHaveLength(12);
    expect(points.filter((p) => p.kind === "checkpoint")).toHaveLength(2);
    expect((await store.load(room)).updates).toHaveLength(4);
    for (const { at, board } of boards) expect(boardAt(await store.historyAt(room, at), at)).toEqual(board);
    expect(await store.historyAt(room, (points[0]?.at ?? 0) - 1)).toEqual([]);
    expect((await store.historyAt(room, boards.at(-1)!.at))[0]?.kind).toBe("checkpoint");
  });

  it("thins history past the policy's age at compaction, keeping the final board", async () => {
    // Every update kept for 0.5 s only, so the test can let history age.
    const store = await open({ everyUpdateMs: 500, perMinuteMs: 7 * 86_400_000, keepMs: 90 * 86_400_000 });
    const room = newRoomId();
    const doc = new Y.Doc();
    let last = 0;
    for (let i = 0; i < 6; i++) last = await step(store, room, edit(doc, `s${i}`, i));
    await waitFor("the edits to age", () => Date.now() > last + 700, 10_000);
    await store.append(room, edit(doc, "late", 1));
    const result = await store.compact(room);
    expect(result?.thinnedRows).toBeGreaterThanOrEqual(6);
    const points = await store.historyPoints(room);
    // Six edits within a minute or two: at most a point per minute, plus the late edit and the checkpoint.
    expect(points.length).toBeLessThanOrEqual(4);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
    const now = Date.now();
    expect(boardAt(await store.historyAt(room, now), now)).toEqual(snapshot(doc));
  });
});
