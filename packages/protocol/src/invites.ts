import { z } from "zod";
import { RoleSchema, RoomIdSchema } from "./rooms.ts";

/**
 * Invites to an interview room. An interview room is opened only with a signed invite
 * token (HS256 JWT, issuer {@link TOKEN_ISSUER}) that names the room and a role. The
 * server checks it before the socket joins the room; the app passes it as
 * `?token=<jwt>` on the sync URL. Each role gets its own link ({@link inviteUrl}).
 */

/** The `iss` claim of every invite token. */
export const TOKEN_ISSUER = "archboard";
/** Invite lifetime when the request does not name one. */
export const DEFAULT_INVITE_TTL_HOURS = 24;
/** Longest invite lifetime a request may ask for (one week). */
export const MAX_INVITE_TTL_HOURS = 168;

/** One role's invite link. */
export const InviteSchema = z.object({
  /** The signed token; the sync URL carries it as `?token=`. */
  token: z.string().min(1),
  /** App path that opens the room in this role: `/r/<roomId>?t=<token>`. */
  url: z.string(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** The payload of an invite token. `exp` and `iat` are in seconds (JWT convention). */
export const TokenClaimsSchema = z.object({
  room: RoomIdSchema,
  role: RoleSchema,
  exp: z.number().int(),
  iat: z.number().int(),
});
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/** The app path an invite opens. */
export const inviteUrl = (roomId: string, token: string): string => `/r/${roomId}?t=${encodeURIComponent(token)}`;

/** Decodes base64url (no padding needed) into UTF-8 text; throws on bad input. */
function base64UrlToText(input: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) throw new Error("not base64url");
  const base64 = input
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(input.length / 4) * 4, "=");
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
