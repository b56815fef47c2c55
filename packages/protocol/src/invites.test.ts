import { describe, expect, it } from "vitest";
import { decodeTokenClaims, inviteUrl } from "./invites.ts";
import { newRoomId } from "./rooms.ts";

const b64 = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
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

  it("opens the room page with the token in the link", () => {
    expect(inviteUrl("r".repeat(22), "a.b.c")).toBe(`/r/${"r".repeat(22)}?t=a.b.c`);
    expect(inviteUrl("r".repeat(22), "a+b/c")).toBe(`/r/${"r".repeat(22)}?t=a%2Bb%2Fc`);
  });
});
