import { newRoomId, type CreatedRoom } from "@archboard/protocol";
import type { HttpRoute } from "../app.ts";
import type { Logger } from "../log.ts";
import { SYNC_PREFIX } from "../sync/sync-route.ts";
import type { RoomStore } from "../sync/store.ts";
import { sendJson } from "./json.ts";

/**
 * `POST /api/rooms`: mints a room id, records the room and answers
 * `201 { roomId, syncPath: "/sync/<id>", url: "/r/<id>" }`. The request body
 * is ignored (invite options arrive with tokens).
 */
export function createRoomsApi(store: RoomStore, log: Logger): HttpRoute {
  return {
    method: "POST",
    path: "/api/rooms",
    async handle(req, res) {
      req.resume();
      const roomId = newRoomId();
      await store.create(roomId);
      log.info("room created", { room: roomId });
      const body: CreatedRoom = { roomId, syncPath: `${SYNC_PREFIX}${roomId}`, url: `/r/${roomId}` };
      sendJson(res, 201, body);
    },
  };
}
