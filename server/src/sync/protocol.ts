/**
 * The sync wire protocol: y-websocket's, byte for byte, so the stock
 * `y-websocket` WebsocketProvider talks to this server unchanged.
 *
 * A client opens one WebSocket per document at `/sync/<roomId>` (the board)
 * or `/sync/<roomId>/notes` (an interview room's private notes), with an
 * invite token as `?token=` where the room requires one; the document is
 * named by the URL and never inside a message. Every message is one binary frame
 * that starts with a varUint message type (lib0 encoding):
 *
 *   0 sync             [0, syncType: varUint, payload: varUint8Array]
 *                        syncType 0 step 1: payload is the sender's state vector;
 *                                   the receiver answers with a step 2.
 *                        syncType 1 step 2: payload is an update holding all the
 *                                   receiver's state vector lacked.
 *                        syncType 2 update: payload is an incremental update.
 *   1 awareness        [1, payload: varUint8Array] where payload is varUint n,
 *                      then n × (clientID: varUint, clock: varUint,
 *                      state: varString JSON, `null` meaning "gone").
 *   2 auth             permission notices, server → client only; ignored here.
 *   3 query awareness  [3]: asks for every awareness state the receiver holds.
 *
 * Handshake: the client sends step 1 and its own awareness state as soon as the
 * socket opens. Once the room's document is loaded the server sends its own
 * step 1 and the awareness states it holds. Each side answers the other's
 * step 1 with a step 2, after which both hold the union; from then on both
 * send `update` messages as the document changes. A step 2 from a client is
 * handled exactly like an update (it may carry offline edits).
 *
 * Unknown message types and sync sub-types are ignored (forward compatible).
 * A frame that cannot be decoded — truncated varints, a length running past
 * the end, a Yjs update or awareness payload that does not parse — closes that
 * socket with {@link CloseCode.InvalidPayload} (1007). We use 1007 rather than
 * 1002 because the WebSocket framing itself was valid; 1002 stays with `ws`,
 * which sends it for framing violations.
 */
import { SYNC_CLOSE, SYNC_RETRY } from "@archboard/protocol";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** Top-level message types (first varUint of a frame). */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
/** Sub-types of a sync message. */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const;

/**
 * Close codes this server sends, and why. Codes 4400–4499 tell the stock client
 * that reconnecting cannot help, so it stops; every other code is retried with
 * backoff.
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM); clients reconnect to the next process. */
  GoingAway: 1001,
  /** A text frame: the protocol is binary only. */
  UnsupportedData: 1003,
  /** A binary frame whose content does not decode (see the header comment). */
  InvalidPayload: 1007,
  /** Message rate above the per-connection limit. */
  PolicyViolation: 1008,
  /** Frame above `maxPayload`; sent by `ws` itself, listed for completeness. */
  MessageTooBig: 1009,
  /** The room's store failed; reconnecting re-syncs from the client's copy. */
  InternalError: 1011,
  /** The room could not be loaded (the store is unreachable); the client retries later. */
  TryAgainLater: 1013,
  /**
   * Changes waiting on changes the server never received passed the room's
   * bound (bytes or age) and were dropped; the client reconnects and its
   * handshake sends them again with what they depend on.
   */
  PendingOverflow: SYNC_RETRY.pendingOverflow.code,
  /**
   * Refusals from the authorize hook: 4401 no token, 4403 a bad one. The full
   * set (4401–4430), with the sentence the app shows for each, is
   * `SYNC_CLOSE` in `@archboard/protocol`.
   */
  Unauthorized: 4401,
  Forbidden: 4403,
  /** The invite of an open socket expired (also a refusal at join). */
  TokenExpired: SYNC_CLOSE.expiredToken.code,
  /** A change would take the room's stored size past its ceiling; it was not stored. */
  RoomFull: SYNC_CLOSE.roomFull.code,
} as const;

/** A decoded client → server message. Payloads are views into the frame. */
export type ClientMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "sync-step2"; update: Uint8Array }
  | { type: "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" }
  | { type: "ignored"; messageType: number };

/** Thrown by {@link decodeMessage} for a frame that does not decode. */
export class MalformedMessageError extends Error {
  override name = "MalformedMessageError";
}

/**
 * Decodes the envelope of one frame. Payload contents (updates, awareness
 * JSON) are checked later, when they are applied.
 */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.Sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType > SyncType.Update) return { type: "ignored", messageType };
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncType.Step1) return { type: "sync-step1", stateVector: payload };
        return { type: syncType === SyncType.Step2 ? "sync-step2" : "update", update: payload };
      }
      case MessageType.Awareness:
        return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
      case MessageType.QueryAwareness:
        return { type: "query-awareness" };
      default:
        return { type: "ignored", messageType };
    }
  } catch (err) {
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

const frame = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

/** `[sync, step 1, stateVector]`: asks the client for what the server lacks. */
export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** `[sync, step 2, update]`: the answer to a client's step 1. */
export const encodeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Step2);
    encoding.writeVarUint8Array(e, update);
  });

/** `[sync, update, update]`: one relayed document change. */
export const encodeUpdate = (update: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncType.Update);
    encoding.writeVarUint8Array(e, update);
  });

/** `[awareness, update]` around an encoded awareness update. */
export const encodeAwareness = (awarenessUpdate: Uint8Array): Uint8Array =>
  frame((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
