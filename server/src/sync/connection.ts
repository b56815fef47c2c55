import type { Role } from "@archboard/protocol";
import { WebSocket } from "ws";
import type { Logger } from "../log.ts";
import { CloseCode } from "./protocol.ts";
import { TokenBucket } from "./rate-limit.ts";
import type { SyncMetrics } from "./sync-metrics.ts";

/** Per-connection limits, from the server config. */
export interface ConnectionLimits {
  /** Sustained messages per second. */
  ratePerSecond: number;
  /** Messages allowed at once before the rate applies. */
  burst: number;
}

/** How long a socket we closed may linger in the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 2000;

let nextId = 1;

/**
 * One client socket in one room: who it is (role, `canWrite`), the policy
 * applied before any message reaches the room (binary frames only, rate
 * limit), liveness for the heartbeat, and the awareness client ids it has
 * announced (removed for everyone when it leaves).
 */
export class Connection {
  /** Process-unique, for logs. */
  readonly id = nextId++;
  /** When false, the room drops this connection's document updates (observers). */
  readonly canWrite: boolean;
  /** Awareness client ids this socket controls. */
  readonly awarenessIds = new Set<number>();
  /** Cleared by each heartbeat and set by any pong or message. */
  alive = true;
  private closing = false;
  private readonly bucket: TokenBucket;

  constructor(
    readonly socket: WebSocket,
    readonly roomId: string,
    readonly role: Role,
    canWrite: boolean,
    limits: ConnectionLimits,
    private readonly metrics: SyncMetrics,
    private readonly log: Logger,
  ) {
    this.canWrite = canWrite;
    this.bucket = new TokenBucket(limits.ratePerSecond, limits.burst);
    socket.on("pong", () => (this.alive = true));
  }

  /** False once this server decided to close the socket or the peer went away. */
  get open(): boolean {
    return !this.closing && this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Applies connection policy to a received frame; returns it when the room
   * should handle it, or null when it was refused (and the socket closed).
   */
  admit(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): Uint8Array | null {
    if (this.closing) return null;
    this.alive = true;
    const frame = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    this.metrics.bytesIn.inc(frame.byteLength);
    if (!this.bucket.take()) {
      this.metrics.closes.inc({ reason: "rate_limit" });
      this.log.warn("sync rate limit exceeded", { room: this.roomId, conn: this.id });
      this.close(CloseCode.PolicyViolation, "message rate limit exceeded");
      return null;
    }
    if (!isBinary) {
      this.metrics.closes.inc({ reason: "text_frame" });
      this.log.warn("sync text frame refused", { room: this.roomId, conn: this.id });
      this.close(CloseCode.UnsupportedData, "binary frames only");
      return null;
    }
    return frame;
  }

  /** Sends one frame if the socket is still open; errors surface on the socket's error handler. */
  send(frame: Uint8Array): void {
    if (!this.open) return;
    this.metrics.messagesOut.inc();
    this.metrics.bytesOut.inc(frame.byteLength);
    this.socket.send(frame, { binary: true });
  }

  /** Closes with a code; a peer that does not finish the handshake is cut after a grace period. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    const state = this.socket.readyState;
    if (state === WebSocket.CLOSED) return;
    if (state === WebSocket.OPEN || state === WebSocket.CONNECTING) this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  /** Heartbeat step: a socket that answered nothing since the last ping is dead. */
  ping(): boolean {
    if (!this.alive) {
      this.closing = true;
      this.socket.terminate();
      return false;
    }
    this.alive = false;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.ping();
    return true;
  }
}
