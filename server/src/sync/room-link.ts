import * as Y from "yjs";
import type { Logger } from "../log.ts";
import type { DocId, RoomStore } from "../store/store.ts";
import type { Fanout, FanoutMessage } from "./fanout.ts";

/**
 * The origin of document changes that are stored already: updates another
 * server relayed, and what a heal read back from the store. The room relays
 * them to its own clients without appending or publishing them again.
 */
export const STORED_ELSEWHERE = Symbol("stored elsewhere");

/** What a link needs from its room. */
export interface LinkedRoom {
  readonly id: DocId;
  readonly doc: Y.Doc;
  /** Sends a frame to every local connection. */
  relay: (frame: Uint8Array) => void;
  /** Whether the room is loaded and not yet closed. */
  isLive: () => boolean;
}

/**
 * One room's link to the other servers sharing its store. It subscribes
 * before the room loads, holding the updates that arrive meanwhile, and hands
 * them over once the loaded state is in the document (Yjs integrates each
 * once, whatever the overlap). Awareness frames are relayed as they come and
 * never stored. Because the link can lose messages (see {@link Fanout}), the
 * room heals: after each reconnection, and every `healMs`, it reads its
 * document back from the store and applies whatever it lacked.
 */
export class RoomLink {
  private waiting: Uint8Array[] | null = [];
  private timer: NodeJS.Timeout | null = null;
  private stopResume: (() => void) | null = null;
  private healing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly room: LinkedRoom,
    private readonly fanout: Fanout,
    private readonly store: RoomStore,
    private readonly healMs: number,
    private readonly log: Logger,
  ) {}

  /** Subscribes; call before loading the room. */
  subscribe(): Promise<void> {
    return this.fanout.subscribe(this.room.id, (msg) => this.receive(msg));
  }

  /** The room is loaded and listening: applies what arrived meanwhile and starts healing. */
  start(): void {
    const waiting = this.waiting ?? [];
    this.waiting = null;
    if (waiting.length > 0) Y.applyUpdate(this.room.doc, Y.mergeUpdates(waiting), STORED_ELSEWHERE);
    this.stopResume = this.fanout.onResume(() => void this.heal());
    this.timer = setInterval(() => void this.heal(), this.healMs);
    this.timer.unref();
  }

  /** Tells the other servers about an update this server has stored. */
  publishUpdate(update: Uint8Array): void {
    this.fanout.publish(this.room.id, { kind: "update", payload: update });
  }

  /** Tells the other servers about an awareness frame (the whole message). */
  publishAwareness(frame: Uint8Array): void {
    this.fanout.publish(this.room.id, { kind: "awareness", payload: frame });
  }

  /** Reads the document back from the store and applies what the room lacks. */
  heal(): Promise<void> {
    this.healing ??= (async () => {
      try {
        const stored = await this.store.load(this.room.id);
        if (this.room.isLive() && !this.closed && stored.updates.length > 0)
          Y.applyUpdate(this.room.doc, Y.mergeUpdates(stored.updates), STORED_ELSEWHERE);
      } catch (err) {
        // The store is unreachable; the next heal tries again.
        this.log.warn("room heal failed", { room: this.room.id, error: String(err) });
      } finally {
        this.healing = null;
      }
    })();
    return this.healing;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.waiting = null;
    if (this.timer) clearInterval(this.timer);
    this.stopResume?.();
    this.fanout.unsubscribe(this.room.id);
  }

  private receive(msg: FanoutMessage): void {
    if (this.closed) return;
    if (msg.kind === "awareness") {
      if (this.room.isLive()) this.room.relay(msg.payload);
      return;
    }
    if (this.waiting) this.waiting.push(msg.payload);
    else if (this.room.isLive()) {
      try {
        Y.applyUpdate(this.room.doc, msg.payload, STORED_ELSEWHERE);
      } catch (err) {
        // Not something our servers send; the next heal brings the stored truth.
        this.log.warn("room dropped a relayed update", { room: this.room.id, error: String(err) });
      }
    }
  }
}
