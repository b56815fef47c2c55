const CANNOT_JOIN = "Cannot join this board";

/**
 * Why the sync endpoint refused a connection, or ended one for good. Each is
 * sent as a WebSocket close code in 4400–4499, so the stock y-websocket
 * client stops retrying; `reason` is the close frame's text, `title` and
 * `message` what the app shows.
 */
export const SYNC_CLOSE = {
  missingToken: {
    title: CANNOT_JOIN,
    code: 4401,
    reason: "missing token",
    message: "This board needs an invite link. Ask the interviewer for yours.",
  },
  invalidToken: {
    title: CANNOT_JOIN,
    code: 4403,
    reason: "invalid token",
    message: "This invite link is not valid. Check that you copied all of it, or ask the interviewer for a new one.",
  },
  unknownRoom: {
    title: CANNOT_JOIN,
    code: 4404,
    reason: "unknown room",
    message: "This board does not exist, or no longer does. Ask the interviewer for a new invite link.",
  },
  wrongRoom: {
    title: CANNOT_JOIN,
    code: 4409,
    reason: "token for another room",
    message: "This invite link is for a different board. Open the link you were sent for this one.",
  },
  /** Sent on joining with an expired invite, and to an open socket the moment its invite expires. */
  expiredToken: {
    title: "Invite expired",
    code: 4410,
    reason: "token expired",
    message: "This invite link has expired. Ask the interviewer for a new one.",
  },
  /** The board reached the server's stored-size ceiling; the change that would pass it was not stored. */
  roomFull: {
    title: "This board is full",
    code: 4413,
    reason: "board size limit reached",
    message:
      "This board has reached the server's size limit, so new changes are no longer saved or shared. Your latest changes are kept in this browser: export the board to a file to keep them, or remove large images and reload.",
  },
  notesPrivate: {
    title: CANNOT_JOIN,
    code: 4430,
    reason: "notes are private to the interviewer",
    message: "The interviewer's notes and rubric are private to the interviewer.",
  },
} as const satisfies Record<string, { title: string; code: number; reason: string; message: string }>;
export type SyncCloseKind = keyof typeof SYNC_CLOSE;
export type SyncClose = (typeof SYNC_CLOSE)[SyncCloseKind];

/** The refusal a close code stands for, or null for any other code (network, shutdown). */
export function syncCloseForCode(code: number): SyncClose | null {
  return Object.values(SYNC_CLOSE).find((c) => c.code === code) ?? null;
}

/**
 * Connections the server ended for a reason a reconnect repairs. Their codes
 * lie outside 4400–4499, so the stock client reconnects (and its sync
 * handshake sends the whole board again); `message` is what the app says
 * while it does.
 */
export const SYNC_RETRY = {
  /** Changes that depend on changes the server never received waited too long, or took too much room. */
  pendingOverflow: {
    code: 4008,
    reason: "too many changes waiting for missing ones",
    message: "Some changes arrived out of order and were set aside; reconnecting to send the board again.",
  },
  /** The server closed the connection for sending faster than it allows. */
  rateLimited: {
    code: 1008,
    reason: "message rate limit exceeded",
    message: "Changes were sent faster than the server accepts; reconnecting.",
  },
} as const satisfies Record<string, { code: number; reason: string; message: string }>;
export type SyncRetry = (typeof SYNC_RETRY)[keyof typeof SYNC_RETRY];

/** The retryable close a code stands for, or null. */
export function syncRetryForCode(code: number): SyncRetry | null {
  return Object.values(SYNC_RETRY).find((c) => c.code === code) ?? null;
}
