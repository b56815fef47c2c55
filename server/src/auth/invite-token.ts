import {
  inviteUrl,
  TOKEN_ISSUER,
  TokenClaimsSchema,
  type InterviewRoom,
  type Role,
  type RoomId,
  type SyncCloseKind,
  type TokenClaims,
} from "@archboard/protocol";
import { errors, jwtVerify, SignJWT } from "jose";

/**
 * Invite tokens: HS256 JWTs with the claims `room`, `role`, `iat`, `exp` and
 * `iss: "archboard"`. They carry no identity, only "whoever holds this may
 * join this room in this role until then"; that is all a mock interview needs
 * and it keeps the server free of accounts.
 */

/** Slack for clocks that disagree a little between the server and whoever minted a token. */
export const CLOCK_TOLERANCE_SECONDS = 30;
/** Far longer than any token we mint; longer input is refused without parsing. */
const MAX_TOKEN_LENGTH = 4096;

/** Signs one invite token. `iat` and `exp` are seconds since the epoch. */
export function signInviteToken(key: Uint8Array, claims: TokenClaims): Promise<string> {
  return new SignJWT({ room: claims.room, role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(key);
}

/** What verifying a token concluded: its claims, or which refusal applies. */
export type InviteCheck = { ok: true; claims: TokenClaims } | { ok: false; refusal: SyncCloseKind };

/**
 * Verifies a token for `room`: HS256 only (so `alg: none` and algorithm
 * swaps fail), our issuer, not expired (30 s tolerance), claims well-formed,
 * and naming this room. Never throws for bad input.
 */
export async function verifyInviteToken(key: Uint8Array, token: string, room: RoomId): Promise<InviteCheck> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, refusal: "invalidToken" };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat"],
    }));
  } catch (err) {
    // jose checks the signature before the claims, so only a genuine token can read as expired.
    return { ok: false, refusal: err instanceof errors.JWTExpired ? "expiredToken" : "invalidToken" };
  }
  const claims = TokenClaimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, refusal: "invalidToken" };
  if (claims.data.room !== room) return { ok: false, refusal: "wrongRoom" };
  return { ok: true, claims: claims.data };
}

/**
 * Mints the three invite links of an interview room, all expiring together
 * `ttlHours` from `now` (ms). Answers the `201` body of `POST /api/rooms`.
 */
export async function mintInvites(
  key: Uint8Array,
  room: RoomId,
  ttlHours: number,
  now = Date.now(),
): Promise<InterviewRoom> {
  const iat = Math.floor(now / 1000);
  const exp = iat + Math.round(ttlHours * 3600);
  const invite = async (role: Role) => {
    const token = await signInviteToken(key, { room, role, iat, exp });
    return { token, url: inviteUrl(room, token) };
  };
  const [interviewer, candidate, observer] = await Promise.all([
    invite("interviewer"),
    invite("candidate"),
    invite("observer"),
  ]);
  return { roomId: room, mode: "interview", expiresAt: exp * 1000, invites: { interviewer, candidate, observer } };
}
