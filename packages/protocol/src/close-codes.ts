/**
 * Why the sync endpoint refused a connection. Each is sent as a WebSocket
 * close code in 4400–4499, so the stock y-websocket client stops retrying;
 * `reason` is the close frame's text, `message` the sentence the app shows.
 */
export const SYNC_CLOSE = {
  missingToken: {
    code: 4401,
    reason: "missing token",
    message: "This board needs an invite link. Ask the interviewer for yours.",
  },
  invalidToken: {
    code: 4403,
    reason: "invalid token",
    message: "This invite link is not valid. Check that you copied all of it, or ask the interviewer for a new one.",
  },
  unknownRoom: {
    code: 4404,
    reason: "unknown room",
    message: "This board does not exist, or no longer does. Ask the interviewer for a new invite link.",
  },
  wrongRoom: {
    code: 4409,
    reason: "token for another room",
    message: "This invite link is for a different board. Open the link you were sent for this one.",
  },
  expiredToken: {
    code: 4410,
    reason: "token expired",
    message: "This invite link has expired. Ask the interviewer for a new one.",
  },
  notesPrivate: {
    code: 4430,
    reason: "notes are private to the interviewer",
    message: "The interviewer's notes and rubric are private to the interviewer.",
  },
} as const satisfies Record<string, { code: number; reason: string; message: string }>;
export type SyncCloseKind = keyof typeof SYNC_CLOSE;
export type SyncClose = (typeof SYNC_CLOSE)[SyncCloseKind];

/** The refusal a close code stands for, or null for any other code (network, shutdown). */
export function syncCloseForCode(code: number): SyncClose | null {
  return Object.values(SYNC_CLOSE).find((c) => c.code === code) ?? null;
}
