import type { HistoryEntry, HistoryPoint } from "@archboard/board-sync/history";
import { notesRoomName, type RoomId, type RoomMode } from "@archboard/protocol";

/** The stored document holding a room's interviewer notes and rubric. */
export type NotesDocId = string & { readonly __doc: "notes" };

/**
 * A stored document: a room's board (named by the room id) or its interviewer
 * notes (named as the sync clients name it, {@link notesRoomName}). Room ids
 * cannot contain "/", so the two never collide.
 */
export type DocId = RoomId | NotesDocId;

/** The id of a room's notes document. */
export const notesDocId = (room: RoomId): NotesDocId => notesRoomName(room) as NotesDocId;

/** What a store holds for one room's live document: its last checkpoint and the updates after it. */
export interface StoredRoom {
  /** Yjs updates, oldest first; applying them all rebuilds the document as it is now. */
  updates: Uint8Array[];
  /** Total size of `updates` in bytes. */
  bytes: number;
}

/** The outcome of one compaction. */
export interface CompactionResult {
  /** Live rows (the last checkpoint and the updates since) merged into the new checkpoint. */
  rowsBefore: number;
  /** Size of the new checkpoint in bytes: what a load reads from now on. */
  bytesAfter: number;
  /** History rows replaced by thinned ones in the same pass (0 when nothing had aged). */
  thinnedRows: number;
}

/** Whether a store can serve: `/readyz` answers it. */
export interface StoreHealth {
  ok: boolean;
  /** What is wrong, in words: the failing operation and the database's error. */
  error?: string;
  /** Since when (ms) writes have been failing. */
  since?: number;
}

/**
 * Durable storage for room documents as an append-only log of Yjs updates
 * that is also the document's history: compaction writes a checkpoint (the
 * merged document, timestamped) after the updates instead of replacing them,
 * and thins what has aged (see `thinHistory` in `@archboard/board-sync/history`).
 * Every method returns a promise, so a backend that talks to a database over
 * the network fits behind it; callers rely on two orderings only: an update
 * is relayed after its `append` resolves, and a room answers sync only after
 * its `load` resolves.
 *
 * The contract is written so that several server processes can share one
 * store (a later PostgreSQL implementation behind a load balancer): nothing
 * here keeps per-room state in memory that another process could invalidate,
 * and compaction merges whatever rows are in the store at that moment.
 */
export interface RoomStore {
  /**
   * Records that a room was created through the API, and its mode. Rejects if
   * the id is taken: a room's mode never changes once set.
   */
  createRoom: (room: RoomId, mode: RoomMode) => Promise<void>;
  /**
   * The mode a room was created with; "open" for a room that only appeared
   * lazily (it has stored updates but was never created); null when the room
   * is unknown.
   */
  getRoomMode: (room: RoomId) => Promise<RoomMode | null>;
  /** Whether the room was created through the API or has any stored update. */
  exists: (room: RoomId) => Promise<boolean>;
  /**
   * The document as it is now: its last checkpoint and every update stored
   * after it, oldest first; empty for an unknown one.
   */
  load: (doc: DocId) => Promise<StoredRoom>;
  /**
   * Appends one update. Resolves once it is durable (it survives the process
   * being killed); the server relays an update only after that.
   */
  append: (doc: DocId, update: Uint8Array) => Promise<void>;
  /**
   * Writes a checkpoint of the live rows (so the next load reads one row),
   * keeping the rows as history, then thins history that has aged past the
   * store's policy; atomically. Resolves with null when there was nothing to
   * merge (fewer than two live rows).
   */
  compact: (doc: DocId) => Promise<CompactionResult | null>;
  /** Every point of the document's history, oldest first, without bytes; empty for an unknown one. */
  historyPoints: (doc: DocId) => Promise<HistoryPoint[]>;
  /**
   * The entries that rebuild the document as it was at `at` (epoch ms): the
   * last checkpoint stored by then and the updates after it up to `at`; empty
   * when nothing was stored by then.
   */
  historyAt: (doc: DocId, at: number) => Promise<HistoryEntry[]>;
  /** Whether the store can read and its last write succeeded (a probe; never throws). */
  health: () => Promise<StoreHealth>;
  /** Makes pending appends durable and releases the store. */
  close: () => Promise<void>;
}
