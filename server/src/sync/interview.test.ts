import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  InterviewRoomSchema,
  newRoomId,
  SYNC_CLOSE,
  TOKEN_ISSUER,
  type InterviewRoom,
  type SyncCloseKind,
} from "@archboard/protocol";
import { SignJWT } from "jose";
import * as Y from "yjs";
import { signInviteToken } from "../auth/invite-token.ts";
import { connectRaw, presentNames, type RawSyncClient } from "../testing/raw-client.ts";
import { notesDocId } from "../store/store.ts";
import { connectClient, docFromUpdates, element, waitFor } from "../testing/sync-clients.ts";
import { startTestServer, stubWebDist, tempDir, type TestServer } from "../testing/test-server.ts";

const SECRET = "interview-test-secret-0123456789abcdef";
const key = new TextEncoder().encode(SECRET);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("interview rooms over raw sockets", { timeout: 30_000 }, () => {
  const web = stubWebDist();
  const data = tempDir("archboard-interview-");
  let srv: TestServer;
  let roomA: InterviewRoom;
  let roomB: InterviewRoom;
  const clients: RawSyncClient[] = [];

  const createInterview = async (): Promise<InterviewRoom> => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mode: "interview" }),
    });
    expect(res.status).toBe(201);
    return InterviewRoomSchema.parse(await res.json());
  };
  const open = async (path: string, token?: string, doc?: Y.Doc) => {
    const client = await connectRaw(`${srv.syncUrl}/${path}${token === undefined ? "" : `?token=${token}`}`, doc);
    clients.push(client);
    return client;
  };
  const elements = (c: RawSyncClient) => c.doc.getMap("elements");
  /** Opens a socket that must be refused: it is closed with `kind`'s code and reason, and no byte arrived first. */
  const expectRefused = async (path: string, token: string | undefined, kind: SyncCloseKind) => {
    const client = await open(path, token);
    const admitted = new Promise<string>((done) =>
      setTimeout(() => done(`still open after 3 s, ${client.frames.length} frames received`), 3000).unref(),
    );
    expect(await Promise.race([client.closed, admitted])).toEqual({
      code: SYNC_CLOSE[kind].code,
      reason: SYNC_CLOSE[kind].reason,
    });
    expect(client.frames).toEqual([]);
  };

  beforeAll(async () => {
    srv = await startTestServer(data.path, web.path, { ARCHBOARD_SECRET: SECRET, ROOM_UNLOAD_GRACE_MS: "0" });
    [roomA, roomB] = await Promise.all([createInterview(), createInterview()]);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await srv.stop();
    web.remove();
    data.remove();
  });

  it("drops an observer's updates (never relayed, never stored) but relays its awareness", async () => {
    const { roomId, invites } = roomA;
    const interviewer = await open(roomId, invites.interviewer.token);
    const candidate = await open(roomId, invites.candidate.token);
    await waitFor("writers synced", () => interviewer.synced && candidate.synced);
    elements(interviewer).set("i1", element("i1"));
    await waitFor("candidate sees i1", () => elements(candidate).has("i1"));

    // The observer arrives with offline content: its sync step 2 must be dropped too.
    const offline = new Y.Doc();
    offline.getMap("elements").set("offline", element("offline"));
    const observer = await open(roomId, invites.observer.token, offline);
    await waitFor("observer reads the board", () => observer.synced && elements(observer).has("i1"));
    elements(observer).set("obs", element("obs"));
    observer.awareness.setLocalState({ user: { name: "Olga", color: "#1971c2" }, role: "observer" });
    // One socket's frames are handled in order: once the presence has arrived, the update before it was handled.
    await waitFor(
      "observer presence at both writers",
      () => presentNames(interviewer).includes("Olga") && presentNames(candidate).includes("Olga"),
    );
    // Relays leave in order too: a later edit arriving means a relay of "obs" would have come first.
    elements(candidate).set("c1", element("c1"));
    await waitFor("c1 everywhere", () => elements(interviewer).has("c1") && elements(observer).has("c1"));
    for (const writer of [interviewer, candidate]) {
      expect(elements(writer).has("obs")).toBe(false);
      expect(elements(writer).has("offline")).toBe(false);
    }
    expect(srv.server.sync.rooms.get(roomId)?.doc.getMap("elements").has("obs")).toBe(false);

    for (const c of [interviewer, candidate, observer]) c.destroy();
    await waitFor("room unloaded", () => !srv.server.sync.rooms.isLoaded(roomId));
    await srv.server.sync.rooms.settled();
    const stored = docFromUpdates((await srv.server.sync.store.load(roomId)).updates).getMap("elements");
    expect([...stored.keys()].sort()).toEqual(["c1", "i1"]);
  });

  it("keeps the notes document to the interviewer: others are closed with 4430 before any byte of it", async () => {
    const { roomId, invites } = roomA;
    await expectRefused(`${roomId}/notes`, invites.candidate.token, "notesPrivate");
    await expectRefused(`${roomId}/notes`, invites.observer.token, "notesPrivate");
    await expectRefused(`${roomId}/notes`, undefined, "missingToken");
    await expectRefused(`${roomId}/notes`, roomB.invites.interviewer.token, "wrongRoom");

    const tab1 = await open(`${roomId}/notes`, invites.interviewer.token);
    const tab2 = await open(`${roomId}/notes`, invites.interviewer.token);
    await waitFor("notes synced", () => tab1.synced && tab2.synced);
    tab1.doc.getArray("notes").push([{ id: "n1", text: "Asked about the write path first" }]);
    tab1.doc.getMap("rubric").set("signal", "hire");
    await waitFor("second tab sees the note", () => tab2.doc.getArray("notes").length === 1);
    // A candidate on the board at the same time sees none of it.
    const candidate = await open(roomId, invites.candidate.token);
    await waitFor("candidate synced", () => candidate.synced);
    expect(candidate.doc.getArray("notes").length).toBe(0);
    expect(candidate.doc.getMap("rubric").size).toBe(0);

    for (const c of [tab1, tab2, candidate]) c.destroy();
    await waitFor("notes unloaded", () => !srv.server.sync.rooms.isLoaded(notesDocId(roomId)));
    await srv.server.sync.rooms.settled();
    const notes = docFromUpdates((await srv.server.sync.store.load(notesDocId(roomId))).updates);
    expect(notes.getArray("notes").toJSON()).toEqual([{ id: "n1", text: "Asked about the write path first" }]);
    expect(notes.getMap("rubric").get("signal")).toBe("hire");
    const board = docFromUpdates((await srv.server.sync.store.load(roomId)).updates);
    expect(board.getArray("notes").length).toBe(0);

    const again = await open(`${roomId}/notes`, invites.interviewer.token);
    await waitFor("notes reloaded", () => again.synced && again.doc.getArray("notes").length === 1);
    again.destroy();
  });

  it("refuses a token for room A on room B (4409) and tokens for rooms this server never created (4404)", async () => {
    await expectRefused(roomB.roomId, roomA.invites.interviewer.token, "wrongRoom");
    await expectRefused(roomB.roomId, roomA.invites.observer.token, "wrongRoom");
    const never = newRoomId();
    const forNever = await signInviteToken(key, {
      room: never,
      role: "interviewer",
      iat: nowSeconds(),
      exp: nowSeconds() + 60,
    });
    await expectRefused(never, forNever, "unknownRoom");
    await expectRefused(`${never}/notes`, forNever, "unknownRoom");
  });

  it("refuses missing, forged, malformed, alg:none, wrong-issuer and expired tokens with distinct codes", async () => {
    const room = await createInterview();
    const { roomId } = room;
    const claims = { room: roomId, role: "interviewer" as const, iat: nowSeconds(), exp: nowSeconds() + 3600 };
    const otherSecret = await signInviteToken(new TextEncoder().encode("another-secret-another-secret-123"), claims);
    const algNone = `${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, iss: TOKEN_ISSUER })}.`;
    const hs512 = await new SignJWT({ room: roomId, role: "interviewer" })
      .setProtectedHeader({ alg: "HS512" })
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    const wrongIssuer = await new SignJWT({ room: roomId, role: "interviewer" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer("someone-else")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    const badRole = await new SignJWT({ room: roomId, role: "admin" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(TOKEN_ISSUER)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
    const expired = await signInviteToken(key, { ...claims, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 });

    await expectRefused(roomId, undefined, "missingToken");
    await expectRefused(roomId, "", "missingToken");
    for (const forged of [
      otherSecret,
      "not-a-token",
      "a.b.c",
      algNone,
      hs512,
      wrongIssuer,
      badRole,
      "x".repeat(5000),
    ]) {
      await expectRefused(roomId, forged, "invalidToken");
    }
    await expectRefused(roomId, expired, "expiredToken");
    // Tokens are checked before the room is opened: nothing was loaded for any of these.
    expect(srv.server.sync.rooms.isLoaded(roomId)).toBe(false);

    // Within the 30 s clock tolerance a token still works.
    const justExpired = await signInviteToken(key, { ...claims, exp: nowSeconds() - 5 });
    const late = await open(roomId, justExpired);
    await waitFor("late joiner synced", () => late.synced);
    late.destroy();
  });

  it("stops the stock client from retrying and tells it why", async () => {
    const expired = await signInviteToken(key, {
      room: roomB.roomId,
      role: "candidate",
      iat: nowSeconds() - 100,
      exp: nowSeconds() - 60,
    });
    const client = connectClient(srv.syncUrl, roomB.roomId, { token: expired });
    try {
      const closed = await new Promise<{ code: number; reason: string }>((done) =>
        client.provider.once("closed", done),
      );
      expect(closed).toEqual({ code: 4410, reason: SYNC_CLOSE.expiredToken.reason });
      expect(client.provider.shouldConnect).toBe(false);
    } finally {
      client.destroy();
    }
  });

  it("keeps open rooms open: no token needed, any token ignored, no notes document", async () => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    const { roomId } = (await res.json()) as { roomId: string };
    const plain = await open(roomId);
    const withJunk = await open(roomId, "junk");
    await waitFor("both synced", () => plain.synced && withJunk.synced);
    elements(withJunk).set("w", element("w"));
    await waitFor("relayed", () => elements(plain).has("w"));
    await expectRefused(`${roomId}/notes`, roomA.invites.interviewer.token, "unknownRoom");
    await expectRefused(`${roomId}/notes`, undefined, "unknownRoom");
    // A board id never created still opens lazily, as it did before interview rooms.
    const lazy = await open(newRoomId());
    await waitFor("lazy room synced", () => lazy.synced);
  });
});
