import { SYNC_CLOSE } from "@archboard/protocol";
import type * as Y from "yjs";
import type { Logger } from "../log.ts";
import type { Connection } from "./connection.ts";
import { CloseCode } from "./protocol.ts";
import type { StoredSize } from "./stored-size.ts";
import type { SyncMetrics } from "./sync-metrics.ts";
import { checkUpdate } from "./update-guard.ts";

/** What deciding on an update needs from its room. */
export interface AdmissionContext {
  roomId: string;
  doc: Y.Doc;
  size: StoredSize;
  metrics: SyncMetrics;
  log: Logger;
}

/**
 * Decides whether a writer's document update may be applied, before Yjs
 * sees it, and closes the sender when not:
 *
 * - an update that claims more than its bytes hold (see update-guard.ts):
 *   1007 `invalid update`;
 * - one that would grow the document past its stored-size ceiling (see
 *   stored-size.ts): 4413, which the app explains as a full board.
 *
 * Nothing of a refused update is applied, stored or relayed.
 */
export function admitUpdate(room: AdmissionContext, conn: Connection, update: Uint8Array): boolean {
  const verdict = checkUpdate(update);
  if (!verdict.ok) {
    room.metrics.closes.inc({ reason: "bad_update" });
    room.log.warn("sync update refused", {
      room: room.roomId,
      conn: conn.id,
      bytes: update.byteLength,
      reason: verdict.reason,
    });
    conn.close(CloseCode.InvalidPayload, "invalid update");
    return false;
  }
  if (room.size.refuses(room.doc, update)) {
    room.metrics.closes.inc({ reason: "room_full" });
    room.log.warn("sync room at its size ceiling", {
      room: room.roomId,
      conn: conn.id,
      storedBytes: room.size.bytes,
      updateBytes: update.byteLength,
      ceiling: room.size.ceiling,
    });
    conn.close(CloseCode.RoomFull, SYNC_CLOSE.roomFull.reason);
    return false;
  }
  return true;
}
