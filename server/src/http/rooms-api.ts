import { CreateRoomRequestSchema, newRoomId, type OpenRoom, type RoomId } from "@archboard/protocol";
import { mintInvites } from "../auth/invite-token.ts";
import type { Logger } from "../log.ts";
import type { RoomStore } from "../store/store.ts";
import { PerClientLimit } from "./client-limit.ts";
import { BodyError, readJsonBody, sendJson } from "./json.ts";
import type { HttpRoute } from "./routes.ts";
import { refuseCrossSite } from "./same-site.ts";

/** The request body is a handful of fields; anything bigger is not ours. */
const MAX_BODY_BYTES = 4096;

export interface RoomsApiOptions {
  store: RoomStore;
  log: Logger;
  /** Signs interview invite tokens. */
  signingKey: Uint8Array;
  /** Rooms one client IP may create per minute. */
  createPerMinute: number;
  /** Origins besides the server's own whose pages may create rooms (`ALLOWED_ORIGINS`). */
  allowedOrigins: readonly string[];
  /** The WebSocket path an open room's board syncs on (the sync endpoint knows its prefix). */
  syncPath: (room: RoomId) => string;
}

/**
 * `POST /api/rooms`: creates a room and records its mode.
 *
 * - `{}` or `{ mode: "open" }` → `201 { roomId, mode: "open", syncPath, url }`.
 * - `{ mode: "interview", ttlHours? }` → `201 { roomId, mode: "interview",
 *   expiresAt, invites: { interviewer, candidate, observer } }`, each invite
 *   `{ token, url: "/r/<roomId>?t=<token>" }`.
 * - A body that is not JSON or not one of those → `400 { error }`; more than
 *   the per-IP creation limit in a minute → `429 { error }` with Retry-After.
 *
 * The limit keys on the socket's address: behind a reverse proxy every client
 * shares the proxy's, so the proxy should rate-limit instead (forwarded
 * headers are not trusted, as any client can write them).
 */
export function createRoomsApi(opts: RoomsApiOptions): HttpRoute {
  const { store, log } = opts;
  const limit = new PerClientLimit(opts.createPerMinute, 60_000);
  return {
    method: "POST",
    path: "/api/rooms",
    async handle(req, res) {
      const refusal = refuseCrossSite(req, opts.allowedOrigins);
      if (refusal) {
        req.resume();
        log.warn("room creation refused", { status: refusal.status, origin: req.headers.origin?.slice(0, 100) });
        return sendJson(res, refusal.status, { error: refusal.error });
      }
      const client = req.socket.remoteAddress ?? "unknown";
      const waitMs = limit.check(client);
      if (waitMs > 0) {
        req.resume();
        log.warn("room creation rate limited", { client });
        res.setHeader("Retry-After", String(Math.ceil(waitMs / 1000)));
        return sendJson(res, 429, { error: "Too many rooms created from this address; try again in a minute." });
      }

      let body: unknown;
      try {
        body = await readJsonBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (!(err instanceof BodyError)) throw err;
        res.setHeader("Connection", "close");
        return sendJson(res, err.status, { error: err.message });
      }
      const request = CreateRoomRequestSchema.safeParse(body);
      if (!request.success) {
        const problems = request.error.issues.map((i) =>
          i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message,
        );
        return sendJson(res, 400, { error: `invalid room request: ${problems.join("; ")}` });
      }

      const roomId = newRoomId();
      const { mode } = request.data;
      await store.createRoom(roomId, mode);
      limit.count(client);
      log.info("room created", { room: roomId, mode });
      if (request.data.mode === "interview") {
        return sendJson(res, 201, await mintInvites(opts.signingKey, roomId, request.data.ttlHours));
      }
      const answer: OpenRoom = { roomId, mode: "open", syncPath: opts.syncPath(roomId), url: `/r/${roomId}` };
      sendJson(res, 201, answer);
    },
  };
}
