import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "../log.ts";
import type { DocId } from "../store/store.ts";

/** What servers tell each other about a room: a stored document update, or an awareness frame. */
export interface FanoutMessage {
  kind: "update" | "awareness";
  /** An update: a Yjs update already durable in the shared store. Awareness: the whole sync frame. */
  payload: Uint8Array;
}

/** Whether the link to the other servers works: `/readyz` answers it. */
export interface FanoutHealth {
  ok: boolean;
  error?: string;
}

/**
 * The link between servers sharing one store: what one server's clients do
 * in a room reaches the clients other servers hold in that room. Delivery is
 * at most once (messages published while a server is cut off are lost), so
 * every reconnection is announced through {@link Fanout.onResume}: rooms then
 * reload their document from the store, which holds every update (they are
 * published only once stored).
 */
export interface Fanout {
  /**
   * Starts delivering the document's messages to `onMessage`. Resolves once
   * the subscription is in place, so a load that follows misses nothing; at
   * once when the link is down (the resume that follows heals the gap).
   */
  subscribe: (doc: DocId, onMessage: (msg: FanoutMessage) => void) => Promise<void>;
  unsubscribe: (doc: DocId) => void;
  /** Sends to the other servers holding the document; never to this one. */
  publish: (doc: DocId, msg: FanoutMessage) => void;
  /** Calls `listener` after each reconnection; returns a function that stops it. */
  onResume: (listener: () => void) => () => void;
  health: () => FanoutHealth;
  close: () => Promise<void>;
}

const CHANNEL_PREFIX = "archboard:sync:";
const ID_BYTES = 8;
const KIND = { update: 0, awareness: 1 } as const;

/** `redis://host:port/db` without a password, for messages. */
export function describeRedis(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.username = "";
    return u.toString();
  } catch {
    return "REDIS_URL (unparseable)";
  }
}

/**
 * {@link Fanout} over Redis pub/sub: one channel per document
 * (`archboard:sync:<docId>`), one connection publishing and one subscribed.
 * A message is a kind byte, the publishing server's random id (a server
 * ignores its own) and the payload. Both connections retry forever (every
 * 0.1–2 s); the subscriber re-subscribes by itself, and a PING answered after
 * that marks the moment every subscription is back, when resumes fire.
 */
export class RedisFanout implements Fanout {
  private readonly id = randomBytes(ID_BYTES);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (msg: FanoutMessage) => void>();
  private readonly resumeListeners = new Set<() => void>();
  private lastError: string | null = null;
  private connectedOnce = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {
    const options = {
      retryStrategy: (attempt: number) => Math.min(100 * attempt, 2000),
      // Publishes wait for a reconnection rather than fail; a lost one is healed from the store.
      maxRetriesPerRequest: null,
      connectionName: "archboard",
    };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, options);
    for (const conn of [this.pub, this.sub]) {
      conn.on("error", (err: Error) => {
        const text = err.message || String(err);
        if (text !== this.lastError) log.warn("redis error", { redis: describeRedis(url), error: text });
        this.lastError = text;
      });
    }
    this.sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.deliver(channel.toString(), message));
    this.sub.on("ready", () => {
      // The re-subscriptions were queued first; the PING's answer comes after theirs.
      void this.sub.ping().then(
        () => this.resumed(),
        () => undefined,
      );
    });
    this.pub.on("ready", () => {
      if (this.connectedOnce) this.resumed();
    });
  }

  async subscribe(doc: DocId, onMessage: (msg: FanoutMessage) => void): Promise<void> {
    const channel = CHANNEL_PREFIX + doc;
    this.handlers.set(channel, onMessage);
    const subscribing = this.sub.subscribe(channel).catch((err: unknown) => {
      this.log.warn("redis subscribe failed", { doc, error: String(err) });
    });
    if (this.sub.status === "ready") await subscribing;
  }

  unsubscribe(doc: DocId): void {
    const channel = CHANNEL_PREFIX + doc;
    this.handlers.delete(channel);
    if (!this.closed) void this.sub.unsubscribe(channel).catch(() => undefined);
  }

  publish(doc: DocId, msg: FanoutMessage): void {
    if (this.closed) return;
    const frame = Buffer.concat([Buffer.from([KIND[msg.kind]]), this.id, msg.payload]);
    void this.pub.publish(CHANNEL_PREFIX + doc, frame).catch((err: unknown) => {
      this.log.warn("redis publish failed", { doc, error: String(err) });
    });
  }

  onResume(listener: () => void): () => void {
    this.resumeListeners.add(listener);
    return () => this.resumeListeners.delete(listener);
  }

  health(): FanoutHealth {
    if (this.closed) return { ok: false, error: "closed" };
    if (this.pub.status === "ready" && this.sub.status === "ready") return { ok: true };
    const status = this.pub.status === "ready" ? this.sub.status : this.pub.status;
    return { ok: false, error: `${describeRedis(this.url)} is ${status}: ${this.lastError ?? "not connected yet"}` };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private resumed(): void {
    const first = !this.connectedOnce;
    this.connectedOnce = true;
    this.lastError = null;
    if (first) return;
    this.log.info("redis reconnected", { redis: describeRedis(this.url) });
    for (const listener of this.resumeListeners) listener();
  }

  private deliver(channel: string, message: Buffer): void {
    if (message.byteLength < 1 + ID_BYTES || this.id.equals(message.subarray(1, 1 + ID_BYTES))) return;
    const handler = this.handlers.get(channel);
    if (!handler) return;
    const kind = message[0] === KIND.update ? "update" : message[0] === KIND.awareness ? "awareness" : null;
    if (!kind) return;
    handler({ kind, payload: message.subarray(1 + ID_BYTES) });
  }
}
