import { describe, expect, it } from "vitest";
import { CreateRoomRequestSchema, decodeTokenClaims, inviteUrl, notesRoomName, SYNC_CLOSE, syncCloseForCode } from "./interview.ts";
import { newRoomId } from "./rooms.ts";

const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const jwt = (payload: unknown) => `${b64({ alg: "HS256", typ: "JWT" })}.${b64(payload)}.c2lnbmF0dXJl`;

describe("invite tokens, read without verification", () => {
  const room = newRoomId();
  const claims = { room, role: "observer", iat: 1_700_000_000, exp: 1_700_086_400 };

  it("decodes the room, role and times of a well-formed token", () => {
    expect(decodeTokenClaims(jwt({ ...claims, iss: "archboard" }))).toEqual(claims);
  });

  it("returns null for anything else", () => {
    for (const bad of [
      "",
      "not-a-token",
      "a.b",
      "a.b.c.d",
      `${b64({ alg: "HS256" })}.%%%.sig`,
      `${b64({ alg: "HS256" })}.${b64("{not json")}.sig`,
      jwt({ ...claims, role: "admin" }),
      jwt({ ...claims, room: "../etc" }),
      jwt({ ...claims, exp: "tomorrow" }),
      jwt([claims]),
    ]) {
      expect(decodeTokenClaims(bad), bad).toBeNull();
    }
  });
});

describe("room requests", () => {
  it("reads an empty object as an open room and fills the interview default", () => {
    expect(CreateRoomRequestSchema.parse({})).toEqual({ mode: "open" });
    expect(CreateRoomRequestSchema.parse({ mode: "interview" })).toEqual({ mode: "interview", ttlHours: 24 });
    expect(CreateRoomRequestSchema.parse({ mode: "interview", ttlHours: 168 })).toEqual({ mode: "interview", ttlHours: 168 });
  });

  it("refuses out-of-range lifetimes, unknown modes and stray fields", () => {
    for (const bad of [{ mode: "interview", ttlHours: 0.5 }, { mode: "interview", ttlHours: 169 }, { mode: "x" }, { ttlHours: 2 }, { mode: "open", ttlHours: 2 }, null, []]) {
      expect(CreateRoomRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("builds the paths the server expects", () => {
    expect(inviteUrl("r".repeat(22), "a.b.c")).toBe(`/r/${"r".repeat(22)}?t=a.b.c`);
    expect(notesRoomName("r".repeat(22))).toBe(`${"r".repeat(22)}/notes`);
  });
});

describe("sync close reasons", () => {
  it("has distinct codes in 4400–4499 (the stock client's do-not-retry range) with short reasons", () => {
    const all = Object.values(SYNC_CLOSE);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) {
      expect(c.code).toBeGreaterThanOrEqual(4400);
      expect(c.code).toBeLessThan(4500);
      // A close frame's reason is at most 123 bytes.
      expect(Buffer.byteLength(c.reason)).toBeLessThanOrEqual(123);
      expect(c.message).toMatch(/^[A-Z].*\.$/);
      expect(syncCloseForCode(c.code)).toBe(c);
    }
    expect(SYNC_CLOSE.missingToken.message).toBe("This board needs an invite link. Ask the interviewer for yours.");
    expect(syncCloseForCode(1006)).toBeNull();
  });
});
