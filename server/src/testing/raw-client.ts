import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { encodeAwareness, encodeSyncStep1, encodeUpdate, MessageType } from "../sync/protocol.ts";

/**
 * A hand-written sync client for tests: `ws` plus y-protocols encoding, no
 * provider in between, so a test sees every byte the server sends and the
 * exact close code and reason. It does what a hostile client would do with
 * its own copy of the document: every local change is sent as an update,
 * whatever its role.
 */
export interface RawSyncClient {
  ws: WebSocket;
  /** This client's replica: local changes plus whatever the server sent. */
  doc: Y.Doc;
  awareness: Awareness;
  /** Every frame received since the socket opened, in order. */
  frames: Buffer[];
  /** True once the server's sync step 2 (its whole state) has arrived. */
  readonly synced: boolean;
  /** The close code and reason the socket ended with (1006 if cut). */
  closed: Promise<{ code: number; reason: string }>;
  /** Closes the socket and frees the replica. */
  destroy: () => void;
}

/** The origin of changes applied from the server, so they are not echoed back. */
const FROM_SERVER = Symbol("from-server");

/**
 * Opens a socket to `url` (a full `ws://…/sync/<room>[/notes]?token=…`) and
 * resolves once it is open. Sends sync step 1 at once, like the stock client;
 * `doc` may hold content already (edits made offline).
 */
export function connectRaw(url: string, doc = new Y.Doc()): Promise<RawSyncClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const awareness = new Awareness(doc);
    awareness.setLocalState(null);
    const frames: Buffer[] = [];
    let synced = false;
    const send = (frame: Uint8Array) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(frame);
    };

    const onDocUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_SERVER) send(encodeUpdate(update));
    };
    doc.on("update", onDocUpdate);
    awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (origin !== FROM_SERVER)
          send(encodeAwareness(encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed])));
      },
    );

    ws.on("message", (data: Buffer) => {
      frames.push(data);
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.Sync) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MessageType.Sync);
        const syncType = syncProtocol.readSyncMessage(decoder, reply, doc, FROM_SERVER);
        if (syncType === syncProtocol.messageYjsSyncStep2) synced = true;
        if (encoding.length(reply) > 1) send(encoding.toUint8Array(reply));
      } else if (type === MessageType.Awareness) {
        applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), FROM_SERVER);
      }
    });
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.once("close", (code: number, reason: Buffer) => done({ code, reason: reason.toString() })),
    );
    ws.once("open", () => {
      ws.on("error", () => {});
      send(encodeSyncStep1(Y.encodeStateVector(doc)));
      resolve({
        ws,
        doc,
        awareness,
        frames,
        get synced() {
          return synced;
        },
        closed,
        destroy() {
          doc.off("update", onDocUpdate);
          awareness.destroy();
          ws.close();
        },
      });
    });
    ws.once("error", reject);
  });
}

/** The names (`user.name`) in a client's awareness states, from any peer. */
export const presentNames = (client: RawSyncClient): string[] =>
  [...client.awareness.getStates().values()].flatMap((s) => {
    const name = (s as { user?: { name?: unknown } }).user?.name;
    return typeof name === "string" ? [name] : [];
  });
