import { describe, expect, it } from "vitest";
import { InterviewRoomSchema, SYNC_CLOSE, type RoomId } from "@archboard/protocol";
import { inviteCloseAt } from "../auth/authorize.ts";
import { signInviteToken } from "../auth/invite-token.ts";
import { connectRaw } from "../testing/raw-client.ts";
import { connectClient, element, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

const SECRET = "expiry-test-secret-0123456789abcdef01";
const key = new TextEncoder().encode(SECRET);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("an invite expiring while its socket is open", { timeout: 60_000 }, () => {
  const srv = suiteServer({ ARCHBOARD_SECRET: SECRET });
  const createInterview = async () => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mode: "interview" }),
    });
    return InterviewRoomSchema.parse(await res.json());
  };
  const shortToken = (room: RoomId, seconds: number) =>
    signInviteToken(key, { room, role: "candidate", iat: nowSeconds(), exp: nowSeconds() + seconds });

  it("closes the socket with 4410 at expiry; what it wrote before stays, and others stay connected", async () => {
    const { roomId, invites } = await createInterview();
    const interviewer = await connectRaw(`${srv.syncUrl}/${roomId}?token=${invites.interviewer.token}`);
    const candidate = await connectRaw(`${srv.syncUrl}/${roomId}?token=${await shortToken(roomId, 5)}`);
    await waitFor("synced", () => interviewer.synced && candidate.synced);
    candidate.doc.getMap("elements").set("before", element("before"));
    await waitFor("relayed", () => interviewer.doc.getMap("elements").has("before"));
    expect(await candidate.closed).toEqual({ code: 4410, reason: SYNC_CLOSE.expiredToken.reason });
    // Whatever the expired client still has cannot reach the room.
    candidate.doc.getMap("elements").set("after", element("after"));
    interviewer.doc.getMap("elements").set("still", element("still"));
    const late = await connectRaw(`${srv.syncUrl}/${roomId}?token=${invites.observer.token}`);
    // "still" may reach the observer as a relayed update before its sync reply does.
    await waitFor("observer reads the board", () => late.synced && late.doc.getMap("elements").has("still"));
    expect(late.doc.getMap("elements").has("before")).toBe(true);
    expect(late.doc.getMap("elements").has("after")).toBe(false);
    expect(interviewer.ws.readyState).toBe(interviewer.ws.OPEN);
    for (const c of [interviewer, candidate, late]) c.destroy();
  });

  it("stops the stock client from reconnecting with the expired invite", async () => {
    const { roomId } = await createInterview();
    const client = connectClient(srv.syncUrl, roomId, { token: await shortToken(roomId, 5) });
    try {
      const closed = await new Promise<{ code: number }>((done) => client.provider.once("closed", done));
      expect(closed.code).toBe(4410);
      expect(client.provider.shouldConnect).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it("closes at expiry, or at the end of the clock tolerance for a socket admitted after it", () => {
    const now = 1_000_000_000_000;
    expect(inviteCloseAt(now / 1000 + 60, now)).toBe(now + 60_000);
    expect(inviteCloseAt(now / 1000 - 5, now)).toBe(now - 5_000 + 30_000);
  });
});
