import type { IncomingMessage, ServerResponse } from "node:http";
import { stateAt } from "@archboard/board-sync/history";
import { parseRoomId, SYNC_CLOSE, type RoomId, type SyncCloseKind } from "@archboard/protocol";
import type { Authorize, SyncDoc } from "../auth/authorize.ts";
import { notesDocId, type RoomStore } from "../store/store.ts";
import { sendJson } from "./json.ts";
import type { HttpRoute } from "./routes.ts";

/** The history endpoints' common prefix: `/api/rooms/<id>/…`. */
const PREFIX = "/api/rooms/";

/** A moment this far past the server's clock is a client's mistake, not clock skew. */
const FUTURE_SLACK_MS = 60_000;

/** HTTP statuses for the sync endpoint's refusals, so both endpoints refuse alike. */
const REFUSAL_STATUS: Record<SyncCloseKind, number> = {
  missingToken: 401,
  invalidToken: 403,
  unknownRoom: 404,
  wrongRoom: 403,
  expiredToken: 401,
  roomFull: 403,
  notesPrivate: 403,
};

/** A parsed history path: which room and document, and the moment asked for (null: the list). */
export interface HistoryRequest {
  roomId: RoomId;
  doc: SyncDoc;
  /** The `<point>` segment as given, unparsed; null for the list. */
  point: string | null;
}

/**
 * `/api/rooms/<id>/history`, `/api/rooms/<id>/history/<point>` and the same
 * under `/api/rooms/<id>/notes/` → the request; null for any other path.
 */
export function parseHistoryPath(pathname: string): HistoryRequest | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const parts = pathname.slice(PREFIX.length).split("/");
  const roomId = parseRoomId(parts[0] ?? "");
  if (!roomId) return null;
  let rest = parts.slice(1);
  let doc: SyncDoc = "board";
  if (rest[0] === "notes") {
    doc = "notes";
    rest = rest.slice(1);
  }
  if (rest[0] !== "history" || rest.length > 2) return null;
  return { roomId, doc, point: rest.length === 2 ? (rest[1] ?? "") : null };
}

export interface HistoryApiOptions {
  store: RoomStore;
  /** The sync endpoint's admission rule: whoever may open a document may read its history. */
  authorize: Authorize;
}

/**
 * `GET /api/rooms/<id>/history` (and `/notes/history`): the document's
 * history points, `{ room, doc, count, first, last, points, checkpoints }`
 * (times in epoch ms, oldest first). `GET …/history/<at>`: the document as
 * it was at `<at>` (epoch ms), as one Yjs update (`application/octet-stream`),
 * with `X-History-At` naming the time of the last change it includes.
 *
 * Access follows the sync endpoint: an interview room needs `?token=` of any
 * role for the board and the interviewer's for the notes; an open room is
 * open and has no notes. Refusals answer 401/403/404 with `{ error }` in the
 * words the app shows; a malformed point 400, one before any history 404.
 */
export function createHistoryApi(opts: HistoryApiOptions): HttpRoute {
  const { store, authorize } = opts;
  return {
    method: "GET",
    path: PREFIX,
    prefix: true,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      const target = parseHistoryPath(pathname);
      if (!target) return sendJson(res, 404, { error: `no such endpoint: ${pathname}` });
      const { roomId, doc, point } = target;
      let at: number | null = null;
      if (point !== null) {
        if (!/^\d{1,15}$/.test(point))
          return sendJson(res, 400, {
            error: `history point must be a time in milliseconds since 1970, not "${point.slice(0, 40)}"`,
          });
        at = Number(point);
        if (at > Date.now() + FUTURE_SLACK_MS)
          return sendJson(res, 400, { error: `history point ${at} is in the future` });
      }
      const granted = await authorize(req, roomId, doc);
      if ("refuse" in granted) {
        const kind = (Object.keys(SYNC_CLOSE) as SyncCloseKind[]).find((k) => SYNC_CLOSE[k].code === granted.refuse);
        return sendJson(res, kind ? REFUSAL_STATUS[kind] : 403, {
          error: kind ? SYNC_CLOSE[kind].message : granted.reason,
        });
      }
      if (doc === "notes" && granted.role !== "interviewer")
        return sendJson(res, 403, { error: SYNC_CLOSE.notesPrivate.message });
      if (!(await store.exists(roomId))) return sendJson(res, 404, { error: SYNC_CLOSE.unknownRoom.message });
      const docId = doc === "notes" ? notesDocId(roomId) : roomId;

      if (at === null) {
        const points = await store.historyPoints(docId);
        return sendJson(res, 200, {
          room: roomId,
          doc,
          count: points.length,
          first: points[0]?.at ?? null,
          last: points.at(-1)?.at ?? null,
          points: points.map((p) => p.at),
          checkpoints: points.filter((p) => p.kind === "checkpoint").map((p) => p.at),
        });
      }
      const entries = await store.historyAt(docId, at);
      if (entries.length === 0) {
        const first = (await store.historyPoints(docId))[0]?.at;
        return sendJson(res, 404, {
          error:
            first === undefined
              ? "this board has no history yet"
              : `nothing was stored by ${new Date(at).toISOString()}; history starts at ${new Date(first).toISOString()}`,
          first: first ?? null,
        });
      }
      const body = stateAt(entries, at);
      res.writeHead(200, {
        "Content-Type": "application/octet-stream",
        "Content-Length": body.byteLength,
        "Cache-Control": "no-store",
        "X-History-At": String(entries.at(-1)?.at ?? at),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    },
  };
}
