import * as Y from "yjs";
import { IndexeddbPersistence, clearDocument } from "y-indexeddb";
import { syncAcrossTabs } from "./tabSync.ts";
import type { BoardId } from "@archboard/protocol";
import { deleteHistoryDb, HistoryDb, historyDbName } from "../history/historyDb.ts";
import { recordHistory, type HistoryRecorder } from "../history/recordHistory.ts";

/** IndexedDB database names: one per board, one for the list of boards. */
export const INDEX_DB = "archboard:index";
export const boardDbName = (id: BoardId) => `archboard:board:${id}`;

export interface OpenBoard {
  id: BoardId;
  doc: Y.Doc;
  persistence: IndexeddbPersistence;
  /** Stops syncing with this board's other tabs. */
  stopTabSync: () => void;
  /** The board's history, recorded while it is open; null where IndexedDB could not open it. */
  history: { db: HistoryDb; recorder: HistoryRecorder } | null;
}

/** Opens a board's history and starts recording; a failure leaves the board usable without history. */
async function startHistory(id: BoardId, doc: Y.Doc): Promise<OpenBoard["history"]> {
  try {
    const db = await HistoryDb.open(id);
    // One tab of the board records for all of them (see RecordOptions.lockName).
    return { db, recorder: recordHistory(doc, db, { lockName: historyDbName(id) }) };
  } catch (err) {
    console.warn("Board history is not available:", err);
    return null;
  }
}

async function stopHistory(history: OpenBoard["history"]): Promise<void> {
  if (!history) return;
  await history.recorder.stop();
  history.db.close();
}

const open = new Map<BoardId, { board: Promise<OpenBoard>; users: number }>();

/**
 * Opens a board's `Y.Doc`, loaded from IndexedDB. Boards are shared by
 * reference count, so the page showing a board and an import writing into it
 * use the same doc; the doc is closed when its last user releases it.
 */
export function acquireBoard(id: BoardId): Promise<OpenBoard> {
  const entry = open.get(id);
  if (entry) {
    entry.users++;
    return entry.board;
  }
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(boardDbName(id), doc);
  // Tabs sync once the stored state is in, so a hello carries the real state vector.
  const board = persistence.whenSynced.then(async () => ({
    id,
    doc,
    persistence,
    // Recording starts from the stored board, before any other tab's changes arrive.
    history: await startHistory(id, doc),
    stopTabSync: syncAcrossTabs(doc, boardDbName(id)),
  }));
  open.set(id, { board, users: 1 });
  return board;
}

/** Releases one use; the last release flushes and closes the database. */
export async function releaseBoard(id: BoardId): Promise<void> {
  const entry = open.get(id);
  if (!entry) return;
  if (--entry.users > 0) return;
  open.delete(id);
  const { doc, persistence, stopTabSync, history } = await entry.board;
  stopTabSync();
  await stopHistory(history);
  // destroy() closes the database once queued writes have committed.
  await persistence.destroy();
  doc.destroy();
}

/** Deletes a board's stored content. */
export async function deleteBoardData(id: BoardId): Promise<void> {
  const entry = open.get(id);
  if (entry) {
    open.delete(id);
    const { doc, persistence, stopTabSync, history } = await entry.board;
    stopTabSync();
    await stopHistory(history);
    await persistence.clearData();
    doc.destroy();
  } else {
    await clearDocument(boardDbName(id));
  }
  await deleteHistoryDb(id);
}

/** Copies one board's full content (history included) into another board. */
export async function copyBoardData(from: BoardId, to: BoardId): Promise<void> {
  const source = await acquireBoard(from);
  try {
    const target = await acquireBoard(to);
    Y.applyUpdate(target.doc, Y.encodeStateAsUpdate(source.doc));
    await releaseBoard(to);
  } finally {
    await releaseBoard(from);
  }
}
