import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { notesRoomName, parseRoomId, roleCanReadNotes, roleCanWrite, type RoomId } from "@archboard/protocol";
import { WebSocketServer, type WebSocket } from "ws";
import { refuse, type Authorization, type Authorize, type SyncDoc } from "../auth/authorize.ts";
import type { UpgradeRoute } from "../http/routes.ts";
import type { Logger } from "../log.ts";
import { notesDocId, type DocId } from "../store/store.ts";
import { Connection, type ConnectionLimits } from "./connection.ts";
import { CloseCode } from "./protocol.ts";
import type { RoomRegistry } from "./rooms.ts";
import type { SyncMetrics } from "./sync-metrics.ts";
import type { WorkSlicer } from "./work-slicer.ts";

/** The sync endpoint's path prefix; the rest of the path is the room id. */
export const SYNC_PREFIX = "/sync/";

/** The WebSocket path of a room's board: `/sync/<roomId>`. */
export const syncPath = (room: RoomId): string => `${SYNC_PREFIX}${room}`;

/**
 * `/sync/<roomId>` or `/sync/<roomId>/notes` → which document; null for
 * anything else. The rest of the path is a sync room name as clients build it
 * (the room id, or {@link notesRoomName} of it); a room id has no "/".
 */
export function parseSyncPath(path: string): { roomId: RoomId; doc: SyncDoc } | null {
  if (!path.startsWith(SYNC_PREFIX)) return null;
  const name = path.slice(SYNC_PREFIX.length);
  const slash = name.indexOf("/");
  const roomId = parseRoomId(slash < 0 ? name : name.slice(0, slash));
  if (!roomId) return null;
  if (name === roomId) return { roomId, doc: "board" };
  return name === notesRoomName(roomId) ? { roomId, doc: "notes" } : null;
}

export interface SyncRouteOptions {
  rooms: RoomRegistry;
  authorize: Authorize;
  metrics: SyncMetrics;
  log: Logger;
  /** Largest accepted message; `ws` closes bigger ones with 1009. */
  maxPayload: number;
  /** Ping period; a socket that has not answered by the next ping is cut. */
  heartbeatMs: number;
  limits: ConnectionLimits;
  /** Completes upgrades in slices, so a storm of connections leaves turns for open rooms. */
  slicer: WorkSlicer;
}

const refuseHttp = (socket: Duplex, status: number, text: string) => {
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
};

/**
 * The `/sync/<roomId>` and `/sync/<roomId>/notes` WebSocket endpoint:
 * validates the path (HTTP 400 before any upgrade), asks the authorize hook
 * for a role, upgrades, and hands the socket to its document's room — or, when
 * refused, closes it straight after the upgrade with the hook's 44xx code,
 * before any byte of the document is sent. Also runs the heartbeat over all
 * sync sockets.
 */
export function createSyncRoute(opts: SyncRouteOptions): UpgradeRoute {
  const { rooms, metrics, log } = opts;
  // perMessageDeflate stays off: Yjs updates are small and compressing each
  // one costs more CPU than the bytes it saves on a LAN-to-cloud link.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: opts.maxPayload,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const connections = new Set<Connection>();
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const conn of connections) {
      if (!conn.ping()) {
        metrics.closes.inc({ reason: "heartbeat" });
        log.info("sync socket dead", { room: conn.roomId, conn: conn.id });
      }
    }
  }, opts.heartbeatMs);
  heartbeat.unref();

  const accept = (ws: WebSocket, roomId: DocId, auth: Authorization) => {
    if ("refuse" in auth) {
      ws.on("error", () => ws.terminate());
      metrics.closes.inc({ reason: "refused" });
      log.info("sync connection refused", { room: roomId, code: auth.refuse, reason: auth.reason });
      ws.close(auth.refuse, auth.reason);
      return;
    }
    const identity = {
      role: auth.role,
      canWrite: roleCanWrite(auth.role),
      presenceRole: auth.invite ? auth.role : null,
    };
    const conn = new Connection(ws, roomId, identity, opts.limits, metrics, log);
    if (auth.invite) conn.expireAt(auth.invite.closeAt);
    ws.on("error", (err: Error & { code?: string }) => {
      // `ws` has already answered (1009 for oversize, 1002 for bad framing) and closes the socket.
      const reason = err.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? "oversize" : "protocol_error";
      metrics.closes.inc({ reason });
      log.warn("sync socket error", { room: roomId, conn: conn.id, reason, error: err.message });
    });
    let room: ReturnType<RoomRegistry["join"]>;
    try {
      room = rooms.join(roomId, conn);
    } catch {
      ws.close(CloseCode.GoingAway, "server shutting down");
      return;
    }
    connections.add(conn);
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      try {
        const frame = conn.admit(data, isBinary);
        if (!frame) return;
        // Both budgets are charged; the sender waits for whichever is deeper in debt.
        const connWait = conn.budget.spend(frame.byteLength);
        const roomWait = room.budget.spend(frame.byteLength);
        room.receive(conn, frame);
        const wait = Math.max(connWait, roomWait);
        if (wait > 0 && conn.throttle(wait)) {
          const scope = connWait >= roomWait ? "connection" : "room";
          metrics.throttled.inc({ scope });
          metrics.throttledSeconds.inc({ scope }, wait / 1000);
        }
      } catch (err) {
        // A bug, not bad input (the room catches that): drop this socket, keep the process.
        log.error("sync message handler failed", { room: roomId, conn: conn.id, error: String(err) });
        conn.close(CloseCode.InternalError, "internal error");
      }
    });
    ws.on("close", () => {
      connections.delete(conn);
      room.leave(conn);
    });
  };

  return {
    prefix: SYNC_PREFIX,
    handle(req: IncomingMessage, socket: Duplex, head: Buffer) {
      if (closing) return refuseHttp(socket, 503, "Service Unavailable");
      const path = (req.url ?? "").split("?")[0] ?? "";
      const target = parseSyncPath(path);
      if (!target) {
        metrics.upgradesRejected.inc({ reason: "bad_room_id" });
        log.warn("sync upgrade refused", { reason: "bad room id", path: path.slice(0, 100) });
        return refuseHttp(socket, 400, "Bad Request");
      }
      const { roomId, doc } = target;
      void opts
        .authorize(req, roomId, doc)
        .then(
          (granted) =>
            // Authorizations resolve together in a storm of connections; each upgrade
            // (handshake, room creation) waits for a slice instead of all running in one go.
            opts.slicer.run(() => {
              if (closing) return refuseHttp(socket, 503, "Service Unavailable");
              if (socket.destroyed) return;
              // Whatever the hook says, the notes are the interviewer's alone.
              const auth =
                doc === "notes" && "role" in granted && !roleCanReadNotes(granted.role)
                  ? refuse("notesPrivate")
                  : granted;
              const docId = doc === "notes" ? notesDocId(roomId) : roomId;
              wss.handleUpgrade(req, socket, head, (ws) => accept(ws, docId, auth));
            }),
          (err: unknown) => {
            // The room's mode could not be read: the store is unreachable. Refused with a close
            // code the client can see and retries on, rather than an HTTP status it cannot read.
            metrics.upgradesRejected.inc({ reason: "authorize_failed" });
            log.error("sync authorize failed", { room: roomId, error: String(err) });
            if (closing || socket.destroyed) return refuseHttp(socket, 503, "Service Unavailable");
            wss.handleUpgrade(req, socket, head, (ws) => {
              ws.on("error", () => ws.terminate());
              ws.close(CloseCode.TryAgainLater, "storage unavailable");
            });
          },
        )
        .catch((err: unknown) => {
          // A bug while upgrading, not bad input: drop this socket, keep the process.
          log.error("sync upgrade failed", { room: roomId, error: String(err) });
          socket.destroy();
        });
    },
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      await rooms.close(CloseCode.GoingAway, "server shutting down");
      wss.close();
    },
  };
}
