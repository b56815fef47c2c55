import type { RoomId } from "@archboard/protocol";

/** What a store holds for one room: its updates in the order they were appended. */
export interface StoredRoom {
  /** Yjs updates, oldest first; applying them all rebuilds the document. */
  updates: Uint8Array[];
  /** Total size of `updates` in bytes. */
  bytes: number;
}

/** The outcome of one compaction. */
export interface CompactionResult {
  /** Rows merged into one. */
  rowsBefore: number;
  /** Size of the merged update in bytes. */
  bytesAfter: number;
}

/**
 * Durable storage for room documents as an append-only log of Yjs updates.
 *
 * The contract is written so that several server processes can share one
 * store (a later PostgreSQL implementation behind a load balancer): nothing
 * here keeps per-room state in memory that another process could invalidate,
 * and compaction merges whatever rows are in the store at that moment.
 */
export interface RoomStore {
  /** Records that a room was created through the API (rooms may also appear lazily). */
  create(room: RoomId): Promise<void>;
  /** Whether the room was created through the API or has any stored update. */
  exists(room: RoomId): Promise<boolean>;
  /** Every update stored for the room, oldest first; empty for an unknown room. */
  load(room: RoomId): Promise<StoredRoom>;
  /**
   * Appends one update. Resolves once it is durable (it survives the process
   * being killed); the server relays an update only after that.
   */
  append(room: RoomId, update: Uint8Array): Promise<void>;
  /**
   * Replaces the room's rows with one merged update, atomically. Resolves with
   * null when there was nothing to merge (fewer than two rows).
   */
  compact(room: RoomId): Promise<CompactionResult | null>;
  /** Makes pending appends durable and releases the store. */
  close(): Promise<void>;
}
