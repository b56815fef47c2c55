import { SYNC_RETRY } from "@archboard/protocol";
import * as Y from "yjs";
import type { Logger } from "../log.ts";
import type { Connection } from "./connection.ts";
import { PendingBound, type PendingLimits, type PendingOverflow } from "./pending-bound.ts";
import { RoomPresence } from "./presence.ts";
import { ByteBudget } from "./byte-budget.ts";
import { CloseCode, decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./protocol.ts";
import { StoredSize } from "./stored-size.ts";
import type { DocId, RoomStore, StoredRoom } from "../store/store.ts";
import type { SyncMetrics } from "./sync-metrics.ts";
import { admitUpdate, type AdmissionContext } from "./update-admission.ts";
import type { Fanout } from "./fanout.ts";
import { RoomLink, STORED_ELSEWHERE } from "./room-link.ts";
import { appendDurably } from "./durable-append.ts";
import type { WorkSlicer } from "./work-slicer.ts";

/** What a room needs from the server around it. */
export interface RoomContext {
  store: RoomStore;
  metrics: SyncMetrics;
  log: Logger;
  /** Merge the room's log once it holds this many rows… */
  compactAfterUpdates: number;
  /** …or once this many bytes were appended since the last merge. */
  compactAfterBytes: number;
  /** What the document may hold in changes waiting for ones it never received. */
  pending: PendingLimits;
  /** Stored-size ceiling of one document (bytes). */
  maxStoredBytes: number;
  /** Bytes per second all of a room's connections may send together, and the burst. */
  roomBytes: { perSecond: number; burst: number };
  /** Other servers sharing the store (Redis), when there are any. */
  fanout?: Fanout;
  /** How often a linked room re-reads its document from the store to heal lost messages (ms). */
  healMs: number;
  /** How long an append is retried before the room gives up on the store (ms). */
  storeRetryMs: number;
  /** The last connection left (the registry starts the unload grace period). */
  onEmpty: (room: Room) => void;
  /** The store failed; every connection was closed and the room must be dropped. */
  onBroken: (room: Room) => void;
  /** Where rooms run the work of opening, shared by every room of the process. */
  slicer: WorkSlicer;
}

/**
 * Frames one room holds while its document loads. An honest client sends three
 * or four before it has been greeted; this bounds what a hostile one can park.
 */
const MAX_QUEUED_WHILE_LOADING = 256;

/** A frame waiting its turn: runs once every update appended before it is durable. */
type OutboxEntry = { durable: boolean; run: () => void };

/**
 * One room's live state: its Y.Doc, the awareness states of the people in it,
 * and their connections. An interview room has two of these: the board and
 * the interviewer's notes (`<roomId>/notes`), each its own document.
 *
 * Ordering is the point of this class. The document is loaded from the store
 * (awaited) before any client is synced; frames that arrive meanwhile wait in
 * `queued`. Every document change is appended to the store before it is
 * relayed: changes and sync replies go through `outbox`, which releases them
 * in order, each only once all appends ahead of it are durable, so nothing a
 * client received can be lost by killing the process. Awareness is ephemeral
 * and is relayed at once (see presence.ts). Changes Yjs cannot integrate yet
 * are bounded (see pending-bound.ts). The document's stored size has a
 * ceiling (see stored-size.ts), and `budget` meters the bytes all its
 * connections send (the sync route pauses senders that overspend it).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly presence: RoomPresence;
  /** Bytes the store holds for this document, against the ceiling. */
  readonly size: StoredSize;
  /** Bytes per second the room's connections may send together. */
  readonly budget: ByteBudget;
  readonly connections = new Set<Connection>();
  /** Resolves when the document is loaded (or loading failed). */
  readonly ready: Promise<void>;
  private status: "loading" | "ready" | "closed" = "loading";
  private queued: { conn: Connection; frame: Uint8Array }[] = [];
  private outbox: OutboxEntry[] = [];
  private drainWaiters: (() => void)[] = [];
  private compacting: Promise<void> | null = null;
  private readonly pending: PendingBound<Connection>;
  private readonly admission: AdmissionContext;
  private readonly link: RoomLink | null;

  /** Starts loading once `previous` (an earlier instance of this room still unloading) has flushed. */
  constructor(
    readonly id: DocId,
    previous: Promise<void>,
    private readonly ctx: RoomContext,
  ) {
    this.size = new StoredSize(ctx.maxStoredBytes);
    this.budget = new ByteBudget(ctx.roomBytes.perSecond, ctx.roomBytes.burst);
    this.admission = { roomId: id, doc: this.doc, size: this.size, metrics: ctx.metrics, log: ctx.log };
    this.presence = new RoomPresence(this.doc, ctx.metrics, (frame, except) => {
      this.broadcast(frame, except);
      this.link?.publishAwareness(frame);
    });
    const linked = {
      id,
      doc: this.doc,
      relay: (frame: Uint8Array) => {
        const passed = this.presence.fromRemote(frame);
        if (passed) this.broadcast(passed);
      },
      isLive: () => this.status === "ready",
    };
    this.link = ctx.fanout ? new RoomLink(linked, ctx.fanout, ctx.store, ctx.healMs, ctx.log) : null;
    this.pending = new PendingBound(this.doc, ctx.pending, (conns, why, bytes) =>
      this.onPendingOverflow(conns, why, bytes),
    );
    this.ready = this.load(previous);
  }

  private async load(previous: Promise<void>): Promise<void> {
    await previous;
    const started = performance.now();
    let stored: StoredRoom;
    try {
      // Subscribed first: an update another server stores while this one loads is not missed.
      await this.link?.subscribe();
      stored = await this.ctx.store.load(this.id);
      this.ctx.metrics.loadSeconds.observe((performance.now() - started) / 1000);
    } catch (err) {
      this.fail("load", err);
      return;
    }
    // Applying, greeting and answering what the clients queued is the CPU-heavy
    // part of opening a room: it runs in a slice, so a storm of openings leaves
    // turns for the rooms already open.
    await this.ctx.slicer.run(() => this.open(stored));
  }

  private open(stored: StoredRoom): void {
    if (this.status === "closed") return;
    try {
      Y.transact(this.doc, () => {
        for (const update of stored.updates) Y.applyUpdate(this.doc, update);
      });
      this.size.loaded(stored.bytes, stored.updates.length);
    } catch (err) {
      this.fail("load", err);
      return;
    }
    // Listen only now: the loaded state is in the store already.
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.persistAndRelay(update, origin));
    this.status = "ready";
    this.link?.start();
    for (const conn of this.connections) this.greet(conn);
    const queued = this.queued;
    this.queued = [];
    for (const { conn, frame } of queued) this.handle(conn, frame);
  }

  /** Adds a connection; it is greeted now, or when loading finishes. */
  join(conn: Connection): void {
    this.connections.add(conn);
    if (this.status === "ready") this.greet(conn);
  }

  /** Removes a connection and tells the others its awareness states are gone. */
  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence.release(conn);
    this.pending.forget(conn);
    if (this.connections.size === 0 && this.status !== "closed") this.ctx.onEmpty(this);
  }

  /** Hands a frame (already admitted by the connection's policy) to the room. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (this.status === "loading") {
      if (this.queued.length >= MAX_QUEUED_WHILE_LOADING) {
        this.ctx.metrics.closes.inc({ reason: "queue_full" });
        conn.close(CloseCode.PolicyViolation, "too many messages before sync");
        return;
      }
      this.queued.push({ conn, frame });
    } else if (this.status === "ready") this.handle(conn, frame);
  }

  /** Closes every connection with `code` (shutdown: 1001). */
  closeConnections(code: number, reason: string): void {
    for (const conn of this.connections) conn.close(code, reason);
  }

  /**
   * Flushes and releases the room: waits for loading and for every pending
   * append, merges the log when it has more than one row, frees the document.
   */
  async unload(): Promise<void> {
    await this.ready;
    await this.drained();
    if (this.status === "ready") {
      this.status = "closed";
      await this.compacting;
      if (this.size.rows >= 2) await this.compact();
    }
    this.status = "closed";
    this.link?.close();
    this.queued = [];
    this.pending.dispose();
    // Destroying the doc destroys its awareness (and that instance's timer) too.
    this.doc.destroy();
  }

  private greet(conn: Connection): void {
    conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    if (!this.presence.empty) conn.send(this.presence.all());
  }

  private handle(conn: Connection, frame: Uint8Array): void {
    if (!conn.open) return;
    try {
      const msg = decodeMessage(frame);
      this.ctx.metrics.messagesIn.inc({ type: msg.type });
      switch (msg.type) {
        case "sync-step1": {
          // Encoded now, so the reply holds exactly what is applied so far, and
          // released only once all of that is durable.
          const reply = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, msg.stateVector));
          this.afterDurable(() => conn.send(reply));
          return;
        }
        case "sync-step2":
        case "update":
          if (!conn.canWrite) {
            this.ctx.metrics.updatesDropped.inc({ reason: "read_only" });
            return;
          }
          if (!admitUpdate(this.admission, conn, msg.update)) return;
          this.applyUpdate(conn, msg.update);
          return;
        case "awareness":
          this.presence.receive(conn, msg.update, frame);
          return;
        case "query-awareness":
          conn.send(this.presence.all());
          return;
        case "ignored":
          return;
      }
    } catch (err) {
      this.ctx.metrics.closes.inc({ reason: "malformed" });
      this.ctx.log.warn("sync malformed message", { room: this.id, conn: conn.id, error: String(err) });
      conn.close(CloseCode.InvalidPayload, "malformed message");
    }
  }

  /** Applies an admitted update; fires the doc's "update" listener (persist, then relay) synchronously. */
  private applyUpdate(conn: Connection, update: Uint8Array): void {
    const pendingBefore = this.pending.bytes;
    Y.applyUpdate(this.doc, update, conn);
    this.pending.afterApply(conn, pendingBefore);
  }

  private onPendingOverflow(conns: Connection[], why: PendingOverflow, bytes: number): void {
    this.ctx.log.warn("sync pending changes dropped", {
      room: this.id,
      why,
      bytes,
      conns: conns.map((c) => c.id),
    });
    this.ctx.metrics.pendingDropped.inc({ reason: why });
    this.ctx.metrics.closes.inc({ reason: "pending_overflow" }, conns.length);
    for (const conn of conns) conn.close(CloseCode.PendingOverflow, SYNC_RETRY.pendingOverflow.reason);
  }

  private persistAndRelay(update: Uint8Array, origin: unknown): void {
    this.size.add(update.byteLength);
    if (origin === STORED_ELSEWHERE) {
      // Durable already (another server stored it): relay in turn, never store or publish again.
      this.outbox.push({ durable: true, run: () => this.broadcast(encodeUpdate(update)) });
      this.drain();
      return;
    }
    const relay = () => {
      this.broadcast(encodeUpdate(update), origin);
      this.link?.publishUpdate(update);
    };
    const entry: OutboxEntry = { durable: false, run: relay };
    this.outbox.push(entry);
    const started = performance.now();
    const retried = () => this.ctx.metrics.storeErrors.inc({ op: "append" });
    appendDurably(this.ctx.store, this.id, update, this.ctx.storeRetryMs, retried).then(
      () => {
        this.ctx.metrics.appendSeconds.observe((performance.now() - started) / 1000);
        entry.durable = true;
        this.drain();
        this.maybeCompact();
      },
      (err: unknown) => this.fail("append", err),
    );
  }

  private afterDurable(run: () => void): void {
    if (this.outbox.length === 0) run();
    else this.outbox.push({ durable: true, run });
  }

  private drain(): void {
    while (this.outbox[0]?.durable) this.outbox.shift()?.run();
    if (this.outbox.length === 0) for (const done of this.drainWaiters.splice(0)) done();
  }

  private drained(): Promise<void> {
    return this.outbox.length === 0 ? Promise.resolve() : new Promise((done) => this.drainWaiters.push(done));
  }

  private broadcast(frame: Uint8Array, except?: unknown): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame);
  }

  private maybeCompact(): void {
    if (this.compacting || this.status !== "ready") return;
    if (!this.size.dueForCompaction(this.ctx.compactAfterUpdates, this.ctx.compactAfterBytes)) return;
    this.compacting = this.compact().finally(() => (this.compacting = null));
  }

  private async compact(): Promise<void> {
    try {
      const mark = this.size.mark();
      const result = await this.ctx.store.compact(this.id);
      if (result) {
        this.size.compacted(result.bytesAfter, mark);
        this.ctx.metrics.compactions.inc();
        this.ctx.log.info("room compacted", { room: this.id, rows: result.rowsBefore, bytes: result.bytesAfter });
      }
    } catch (err) {
      // The log stays valid uncompacted; the next trigger tries again.
      this.ctx.metrics.storeErrors.inc({ op: "compact" });
      this.ctx.log.error("room compaction failed", { room: this.id, error: String(err) });
    }
  }

  /** The store failed: clients are closed (they resync on reconnect) and the room is dropped. */
  private fail(stage: "load" | "append", err: unknown): void {
    if (this.status === "closed") return;
    this.status = "closed";
    this.link?.close();
    this.ctx.log.error("room store failure", { room: this.id, stage, error: String(err) });
    this.ctx.metrics.storeErrors.inc({ op: stage });
    this.ctx.metrics.closes.inc({ reason: "storage" }, this.connections.size);
    // A room that cannot load is refused as "try again later"; one that cannot store, as an error.
    if (stage === "load") this.closeConnections(CloseCode.TryAgainLater, "storage unavailable");
    else this.closeConnections(CloseCode.InternalError, "storage unavailable");
    this.outbox = [];
    this.queued = [];
    for (const done of this.drainWaiters.splice(0)) done();
    this.ctx.onBroken(this);
  }
}
