import type { IncomingMessage } from "node:http";
import {
  roleCanReadNotes,
  SYNC_CLOSE,
  type Role,
  type RoomId,
  type RoomMode,
  type SyncCloseKind,
} from "@archboard/protocol";
import type { RoomStore } from "../store/store.ts";
import { CLOCK_TOLERANCE_SECONDS, verifyInviteToken } from "./invite-token.ts";

/** The outcome of authorizing a sync connection. */
export type Authorization =
  /**
   * Admit with this role; observers get a read-only connection. `invite`
   * when the role comes from an invite: the role is then shown in the
   * person's presence, and the socket is closed (4410) at `closeAt` (ms).
   */
  | { role: Role; invite?: { closeAt: number } }
  /**
   * Refuse: the upgrade completes and the socket is closed at once with this
   * code, because browsers do not expose an HTTP status from a failed upgrade.
   * Use 4400–4499 (see `SYNC_CLOSE`) so the stock client stops retrying.
   */
  | { refuse: number; reason: string };

/** Room modes each server remembers (the oldest is forgotten first). */
const KNOWN_MODES = 100_000;

/** Which of a room's documents a connection asks for: `/sync/<id>` or `/sync/<id>/notes`. */
export type SyncDoc = "board" | "notes";

/**
 * Decides, before the WebSocket exists and before the room is loaded, whether
 * a request may open a room's document and in which role.
 */
export type Authorize = (req: IncomingMessage, roomId: RoomId, doc: SyncDoc) => Promise<Authorization>;

/** The refusal for one of the shared close reasons. */
export const refuse = (kind: SyncCloseKind): Authorization => ({
  refuse: SYNC_CLOSE[kind].code,
  reason: SYNC_CLOSE[kind].reason,
});

/**
 * Every valid room id is open to anyone who knows it, as a writer: room ids
 * are unguessable (~131 bits). No notes document exists.
 */
export const openAccess: Authorize = async (_req, _roomId, doc) =>
  doc === "notes" ? refuse("unknownRoom") : { role: "candidate" };

/**
 * When a socket admitted with an invite expiring at `exp` (seconds) is
 * closed: at expiry; or, for one admitted within the clock tolerance after
 * expiry (the token's minter's clock may run ahead), when the tolerance ends.
 */
export function inviteCloseAt(exp: number, now = Date.now()): number {
  const expiresAt = exp * 1000;
  return expiresAt > now ? expiresAt : expiresAt + CLOCK_TOLERANCE_SECONDS * 1000;
}

/**
 * The server's admission rule, by the room's mode as stored:
 *
 * - open room: anyone with the id, as a writer; tokens are ignored; it has no
 *   notes document (4404).
 * - interview room: a valid invite token for this room is required on both
 *   documents, passed as `?token=`. Its role decides: observers are admitted
 *   read-only; the notes document admits only the interviewer (4430).
 * - unknown room: a board id never created is opened lazily as an open room,
 *   as before interview rooms existed. But a request carrying a token was
 *   meant for an interview room this server does not know (its data was
 *   lost, or the link was mangled): that is refused (4404) rather than
 *   silently opening an empty public board under the candidate's feet.
 */
export function inviteAccess(store: RoomStore, key: Uint8Array): Authorize {
  const knownModes = new Map<RoomId, RoomMode>();
  return async (req, roomId, doc) => {
    const token = new URL(req.url ?? "/", "http://localhost").searchParams.get("token");
    const mode = knownModes.get(roomId) ?? (await store.getRoomMode(roomId));
    // A room's mode never changes once it has one, so it is remembered: people can still
    // join rooms this server knows while the database is unreachable.
    if (mode !== null && !knownModes.has(roomId)) {
      if (knownModes.size >= KNOWN_MODES) knownModes.delete(knownModes.keys().next().value as RoomId);
      knownModes.set(roomId, mode);
    }
    if (mode === "open") return doc === "notes" ? refuse("unknownRoom") : { role: "candidate" };
    if (mode === null) return doc === "notes" || token ? refuse("unknownRoom") : { role: "candidate" };
    if (!token) return refuse("missingToken");
    const check = await verifyInviteToken(key, token, roomId);
    if (!check.ok) return refuse(check.refusal);
    if (doc === "notes" && !roleCanReadNotes(check.claims.role)) return refuse("notesPrivate");
    return { role: check.claims.role, invite: { closeAt: inviteCloseAt(check.claims.exp) } };
  };
}
