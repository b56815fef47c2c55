import { SYNC_CLOSE, SYNC_RETRY, type Role } from "@archboard/protocol";
import { WebSocket } from "ws";
import type { Logger } from "../log.ts";
import { CloseCode } from "./protocol.ts";
import { ByteBudget } from "./byte-budget.ts";
import { TokenBucket } from "./rate-limit.ts";
import type { SyncMetrics } from "./sync-metrics.ts";

/** Per-connection limits, from the server config. */
export interface ConnectionLimits {
  /** Sustained messages per second. */
  ratePerSecond: number;
  /** Messages allowed at once before the rate applies. */
  burst: number;
  /** Sustained bytes per second… */
  bytesPerSecond: number;
  /** …past a burst of this many. */
  bytesBurst: number;
}

/** How long a socket we closed may linger in the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 2000;
/** The longest delay `setTimeout` keeps; longer ones would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Who a connection is, as its admission decided. */
export interface ConnectionIdentity {
  role: Role;
  /** The role its invite grants, shown in its presence; null where nobody has an invite (open rooms). */
  presenceRole: Role | null;
  canWrite: boolean;
}

let nextId = 1;

/**
 * One client socket in one room: who it is (role, `canWrite`, the role its
 * presence shows), the policy applied before any message reaches the room
 * (binary frames only, rate limit), liveness for the heartbeat and for
 * ownership probes, and the end of its invite's validity.
 */
export class Connection {
  /** Process-unique, for logs. */
  readonly id = nextId++;
  readonly role: Role;
  /** When false, the room drops this connection's document updates (observers). */
  readonly canWrite: boolean;
  /** Stamped over whatever role this connection's awareness states claim. */
  readonly presenceRole: Role | null;
  /** Cleared by each heartbeat and set by any pong or message. */
  alive = true;
  private closing = false;
  private readonly bucket: TokenBucket;
  /** Bytes this connection may send; overspending pauses reading from it (see {@link throttle}). */
  readonly budget: ByteBudget;
  private throttleTimer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly roomId: string,
    identity: ConnectionIdentity,
    limits: ConnectionLimits,
    private readonly metrics: SyncMetrics,
    private readonly log: Logger,
  ) {
    this.role = identity.role;
    this.canWrite = identity.canWrite;
    this.presenceRole = identity.presenceRole;
    this.bucket = new TokenBucket(limits.ratePerSecond, limits.burst);
    this.budget = new ByteBudget(limits.bytesPerSecond, limits.bytesBurst);
    socket.on("pong", () => {
      this.alive = true;
      if (this.probeTimer) clearTimeout(this.probeTimer);
      this.probeTimer = null;
    });
    socket.once("close", () => {
      if (this.probeTimer) clearTimeout(this.probeTimer);
      if (this.expiryTimer) clearTimeout(this.expiryTimer);
      if (this.throttleTimer) clearTimeout(this.throttleTimer);
    });
  }

  /**
   * Stops reading from the socket for `ms` (the sender overspent a byte
   * budget). Nothing is dropped: TCP backpressure slows the sender down, and
   * frames already read are handled in order. False when already paused.
   */
  throttle(ms: number): boolean {
    if (this.throttleTimer || !this.open) return false;
    this.socket.pause();
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = null;
      if (this.socket.readyState === WebSocket.OPEN) this.socket.resume();
    }, ms);
    this.throttleTimer.unref();
    return true;
  }

  /**
   * Closes the socket with 4410 at `at` (ms since the epoch), when the invite
   * it was admitted with stops being valid.
   */
  expireAt(at: number): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const wait = at - Date.now();
    if (wait > MAX_TIMER_MS) {
      this.expiryTimer = setTimeout(() => this.expireAt(at), MAX_TIMER_MS);
    } else {
      this.expiryTimer = setTimeout(
        () => {
          this.metrics.closes.inc({ reason: "token_expired" });
          this.log.info("sync invite expired", { room: this.roomId, conn: this.id });
          this.close(CloseCode.TokenExpired, SYNC_CLOSE.expiredToken.reason);
        },
        Math.max(0, wait),
      );
    }
    this.expiryTimer.unref();
  }

  /**
   * Asks the peer to prove it is alive (a ping) because another connection
   * claims something it holds; a peer that does not answer within
   * `timeoutMs` is cut. One probe at a time.
   */
  probe(timeoutMs: number): void {
    if (this.probeTimer || !this.open) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.metrics.closes.inc({ reason: "probe_unanswered" });
      this.log.info("sync socket did not answer a probe", { room: this.roomId, conn: this.id });
      this.closing = true;
      this.socket.terminate();
    }, timeoutMs);
    this.probeTimer.unref();
    this.socket.ping();
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
      this.close(CloseCode.PolicyViolation, SYNC_RETRY.rateLimited.reason);
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
