import type { Logger } from "../log.ts";
import type { Connection } from "./connection.ts";
import type { PendingLimits } from "./pending-bound.ts";
import { Room } from "./room.ts";
import type { DocId, RoomStore } from "../store/store.ts";
import type { SyncMetrics } from "./sync-metrics.ts";
import type { Fanout } from "./fanout.ts";
import type { WorkSlicer } from "./work-slicer.ts";

/** Settings for rooms' lifetime and log compaction. */
export interface RoomRegistryOptions {
  store: RoomStore;
  metrics: SyncMetrics;
  log: Logger;
  /** How long an empty room stays in memory, in case someone rejoins. */
  unloadGraceMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  pending: PendingLimits;
  /** Stored-size ceiling of one document (bytes). */
  maxStoredBytes: number;
  /** Bytes per second all of a room's connections may send together, and the burst. */
  roomBytes: { perSecond: number; burst: number };
  /** Other servers sharing the store, when there are any. */
  fanout?: Fanout;
  /** How often a linked room re-reads its document to heal lost messages (ms). */
  healMs: number;
  /** How long appends are retried before a room gives up on the store (ms). */
  storeRetryMs: number;
  /** Runs the work of opening rooms in slices (shared with the sync route). */
  slicer: WorkSlicer;
}

/**
 * The rooms this process holds in memory. A room is loaded from the store
 * each time it is opened, and never assumed to be fresh from a previous visit
 * here: another process may have served it in between. When an instance is
 * still flushing while the room is reopened, the new instance loads only after
 * the flush, so it sees every update the old one appended.
 */
export class RoomRegistry {
  private readonly rooms = new Map<DocId, Room>();
  private readonly unloading = new Map<DocId, Promise<void>>();
  private readonly idleTimers = new Map<DocId, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly opts: RoomRegistryOptions) {}

  /** Puts a connection in its room, opening (loading) the room if needed. */
  join(docId: DocId, conn: Connection): Room {
    if (this.closed) throw new Error("room registry is closed");
    let room = this.rooms.get(docId);
    if (!room) {
      room = new Room(docId, this.unloading.get(docId) ?? Promise.resolve(), {
        store: this.opts.store,
        metrics: this.opts.metrics,
        log: this.opts.log,
        compactAfterUpdates: this.opts.compactAfterUpdates,
        compactAfterBytes: this.opts.compactAfterBytes,
        pending: this.opts.pending,
        maxStoredBytes: this.opts.maxStoredBytes,
        roomBytes: this.opts.roomBytes,
        fanout: this.opts.fanout,
        healMs: this.opts.healMs,
        storeRetryMs: this.opts.storeRetryMs,
        onEmpty: (r) => this.scheduleUnload(r),
        onBroken: (r) => void this.unload(r),
        slicer: this.opts.slicer,
      });
      this.rooms.set(docId, room);
      this.opts.metrics.roomsLoaded.inc();
    }
    this.cancelUnload(docId);
    room.join(conn);
    return room;
  }

  /** Whether the room's document is in this process's memory. */
  isLoaded(docId: DocId): boolean {
    return this.rooms.has(docId);
  }

  /** The in-memory room, if loaded (for inspection and tests). */
  get(docId: DocId): Room | undefined {
    return this.rooms.get(docId);
  }

  /** Rooms in memory. */
  get size(): number {
    return this.rooms.size;
  }

  /** Open connections over all rooms. */
  get connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.connections.size;
    return n;
  }

  /** The stored size of the largest document in memory (bytes). */
  get largestStoredBytes(): number {
    let max = 0;
    for (const room of this.rooms.values()) max = Math.max(max, room.size.bytes);
    return max;
  }

  /** Resolves once every room that is unloading has flushed. */
  async settled(): Promise<void> {
    while (this.unloading.size > 0) await Promise.all(this.unloading.values());
  }

  /**
   * Shutdown: closes every connection with 1001 "going away", flushes and
   * unloads every room. Idempotent.
   */
  async close(code: number, reason: string): Promise<void> {
    this.closed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const room of this.rooms.values()) {
      this.opts.metrics.closes.inc({ reason: "shutdown" }, room.connections.size);
      room.closeConnections(code, reason);
    }
    await Promise.all([...this.rooms.values()].map((r) => this.unload(r)));
    await this.settled();
  }

  private scheduleUnload(room: Room): void {
    this.cancelUnload(room.id);
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.id);
      if (room.connections.size === 0) void this.unload(room);
    }, this.opts.unloadGraceMs);
    this.idleTimers.set(room.id, timer);
  }

  private cancelUnload(docId: DocId): void {
    const timer = this.idleTimers.get(docId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(docId);
  }

  private unload(room: Room): Promise<void> {
    if (this.rooms.get(room.id) !== room) return this.unloading.get(room.id) ?? Promise.resolve();
    this.rooms.delete(room.id);
    this.cancelUnload(room.id);
    const done = room
      .unload()
      .catch((err: unknown) => this.opts.log.error("room unload failed", { room: room.id, error: String(err) }))
      .finally(() => {
        if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
        this.opts.metrics.roomsUnloaded.inc();
      });
    this.unloading.set(room.id, done);
    return done;
  }
}
