import { z } from "zod";
import { CreatedRoomSchema, RoleSchema, RoomIdSchema, type Role } from "./rooms.ts";

/**
 * Mock interview rooms: the `POST /api/rooms` contract, the invite token's
 * claims and the close codes the sync endpoint uses to refuse a connection.
 *
 * An interview room is opened only with a signed invite token (HS256 JWT,
 * issuer {@link TOKEN_ISSUER}) that names the room and a role. The server
 * checks it before the socket joins the room; the app passes it as
 * `?token=<jwt>` on the sync URL. The interviewer's notes and rubric are a
 * second document of the same room, synced as room name
 * `<roomId>/notes` ({@link notesRoomName}), which only an interviewer token opens.
 */

/** The `iss` claim of every invite token. */
export const TOKEN_ISSUER = "archboard";
/** Invite lifetime when the request does not name one. */
export const DEFAULT_INVITE_TTL_HOURS = 24;
/** Longest invite lifetime a request may ask for (one week). */
export const MAX_INVITE_TTL_HOURS = 168;

const InterviewRequestSchema = z
  .object({
    mode: z.literal("interview"),
    /** How long the invite links stay valid, in hours (1–168, default 24). */
    ttlHours: z.number().min(1).max(MAX_INVITE_TTL_HOURS).default(DEFAULT_INVITE_TTL_HOURS),
  })
  .strict();
const OpenRequestSchema = z.object({ mode: z.literal("open") }).strict();

/**
 * Body of `POST /api/rooms`. An empty body or `{}` creates an open room
 * (a missing `mode` reads as "open"); unknown fields are refused.
 */
export const CreateRoomRequestSchema = z.preprocess(
  (v) => (typeof v === "object" && v !== null && !Array.isArray(v) && !("mode" in v) ? { ...v, mode: "open" } : v),
  z.discriminatedUnion("mode", [InterviewRequestSchema, OpenRequestSchema]),
);
/** What a client sends. */
export type CreateRoomRequest = { mode?: "open" } | z.input<typeof InterviewRequestSchema>;

/** A room's kind, remembered by the server. */
export const RoomModeSchema = z.enum(["open", "interview"]);
export type RoomMode = z.infer<typeof RoomModeSchema>;

/** One role's invite link. */
export const InviteSchema = z.object({
  /** The signed token; the sync URL carries it as `?token=`. */
  token: z.string().min(1),
  /** App path that opens the room in this role: `/r/<roomId>?t=<token>`. */
  url: z.string(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** `201` answer for `{ mode: "interview" }`. */
export const InterviewRoomSchema = z.object({
  roomId: RoomIdSchema,
  mode: z.literal("interview"),
  /** When every invite link of this room stops working (ms since the epoch). */
  expiresAt: z.number().int(),
  invites: z.object({ interviewer: InviteSchema, candidate: InviteSchema, observer: InviteSchema }),
});
export type InterviewRoom = z.infer<typeof InterviewRoomSchema>;

/** `201` answer for `{}` or `{ mode: "open" }`: anyone with the link may draw. */
export const OpenRoomSchema = CreatedRoomSchema.extend({ mode: z.literal("open") });
export type OpenRoom = z.infer<typeof OpenRoomSchema>;

/** Either `201` answer of `POST /api/rooms`. */
export const CreateRoomResponseSchema = z.discriminatedUnion("mode", [OpenRoomSchema, InterviewRoomSchema]);
export type CreateRoomResponse = z.infer<typeof CreateRoomResponseSchema>;

/** The payload of an invite token. `exp` and `iat` are in seconds (JWT convention). */
export const TokenClaimsSchema = z.object({
  room: RoomIdSchema,
  role: RoleSchema,
  exp: z.number().int(),
  iat: z.number().int(),
});
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/** The room name a sync client uses for a room's private notes document. */
export const notesRoomName = (roomId: string): string => `${roomId}/notes`;

/** The app path an invite opens. */
export const inviteUrl = (roomId: string, token: string): string => `/r/${roomId}?t=${encodeURIComponent(token)}`;

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

/** Decodes base64url (no padding needed) into UTF-8 text; throws on bad input. */
function base64UrlToText(input: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) throw new Error("not base64url");
  const base64 = input.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(input.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * Reads an invite token's claims WITHOUT checking its signature, so the app
 * can say "you are joining as observer" before it connects. Never use this to
 * decide access: only the server, which holds the secret, can. Null when the
 * token is not a JWT with valid claims.
 */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const parsed = TokenClaimsSchema.safeParse(JSON.parse(base64UrlToText(parts[1])));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a role may open the interviewer's notes document. */
export const roleCanReadNotes = (role: Role): boolean => role === "interviewer";
