import type { IncomingMessage } from "node:http";
import type { Role, RoomId } from "@archboard/protocol";

/** The outcome of authorizing a sync connection. */
export type Authorization =
  /** Admit with this role; observers get a read-only connection. */
  | { role: Role }
  /**
   * Refuse: the upgrade completes and the socket is closed at once with this
   * code, because browsers do not expose an HTTP status from a failed upgrade.
   * Use 4400–4499 (see `CloseCode`) so the stock client stops retrying.
   */
  | { refuse: number; reason: string };

/**
 * Decides, before the WebSocket exists, whether a request may join a room and
 * in which role. Invite tokens plug in here.
 */
export type Authorize = (req: IncomingMessage, roomId: RoomId) => Promise<Authorization>;

/**
 * Until invite tokens exist every valid room id is open to anyone who knows
 * it, as a writer: room ids are unguessable (~131 bits).
 */
export const openAccess: Authorize = async () => ({ role: "candidate" });
