import { afterAll, describe, expect, it } from "vitest";
import { InterviewRoomSchema, newRoomId, type InterviewRoom } from "@archboard/protocol";
import { WebSocket } from "ws";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { encodeAwarenessEntries } from "./awareness-guard.ts";
import { encodeAwareness, encodeSyncStep1 } from "./protocol.ts";
import { connectRaw, type RawSyncClient } from "../testing/raw-client.ts";
import { connectClient, synced, waitFor, type TestClient } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

type Presence = { user?: { name?: string }; role?: string };

describe("presence integrity", { timeout: 30_000 }, () => {
  const srv = suiteServer({ ARCHBOARD_SECRET: "presence-test-secret-0123456789abcdef" });
  const clients: RawSyncClient[] = [];
  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  const createInterview = async (): Promise<InterviewRoom> => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mode: "interview" }),
    });
    return InterviewRoomSchema.parse(await res.json());
  };
  const open = async (path: string) => {
    const client = await connectRaw(`${srv.syncUrl}/${path}`);
    clients.push(client);
    await waitFor("synced", () => client.synced);
    return client;
  };
  const stateAt = (watcher: RawSyncClient, id: number) => watcher.awareness.getStates().get(id) as Presence | undefined;
  /** Sends awareness entries as they are, for any client id, like a hostile client would. */
  const sendEntries = (c: RawSyncClient, entries: { clientId: number; clock: number; state: unknown }[]) =>
    c.ws.send(encodeAwareness(encodeAwarenessEntries(entries.map((e) => ({ ...e, state: JSON.stringify(e.state) })))));

  it("keeps the interviewer's presence when an observer forges it, and shows each role as the invite grants it", async () => {
    const { roomId, invites } = await createInterview();
    const interviewer = await open(`${roomId}?token=${invites.interviewer.token}`);
    const observer = await open(`${roomId}?token=${invites.observer.token}`);
    const candidate = await open(`${roomId}?token=${invites.candidate.token}`);
    interviewer.awareness.setLocalState({ user: { name: "Ann", color: "#112233" }, role: "interviewer" });
    const victim = interviewer.doc.clientID;
    await waitFor("candidate sees Ann", () => stateAt(candidate, victim)?.user?.name === "Ann");

    // The observer takes over the interviewer's id with a huge clock, then claims to be the candidate.
    sendEntries(observer, [
      { clientId: victim, clock: 2 ** 40, state: { user: { name: "Eve", color: "#000000" }, role: "candidate" } },
    ]);
    sendEntries(observer, [
      { clientId: victim, clock: 2 ** 41, state: null },
      {
        clientId: observer.doc.clientID,
        clock: 1,
        state: { user: { name: "Olga", color: "#445566" }, role: "candidate" },
      },
    ]);
    // Frames are handled in order: once Olga shows, the forgeries before her were dealt with.
    await waitFor("candidate sees Olga", () => stateAt(candidate, observer.doc.clientID)?.user?.name === "Olga");
    expect(stateAt(candidate, observer.doc.clientID)?.role).toBe("observer");
    expect(stateAt(candidate, victim)).toMatchObject({ user: { name: "Ann" }, role: "interviewer" });
    expect(stateAt(observer, victim)).toMatchObject({ user: { name: "Ann" }, role: "interviewer" });

    // A candidate claiming the interviewer's role is shown as the candidate it was invited as.
    candidate.awareness.setLocalState({ user: { name: "Cid", color: "#778899" }, role: "interviewer" });
    await waitFor("interviewer sees Cid", () => stateAt(interviewer, candidate.doc.clientID)?.user?.name === "Cid");
    expect(stateAt(interviewer, candidate.doc.clientID)?.role).toBe("candidate");
    // The interviewer's own later updates still apply.
    interviewer.awareness.setLocalState({ user: { name: "Ann B.", color: "#112233" }, role: "interviewer" });
    await waitFor("candidate sees the rename", () => stateAt(candidate, victim)?.user?.name === "Ann B.");
  });

  it("shows no role in open rooms, where nobody was given one", async () => {
    const room = newRoomId();
    const [a, b] = [await open(room), await open(room)];
    a.awareness.setLocalState({ user: { name: "Ann", color: "#112233" }, role: "interviewer" });
    await waitFor("b sees Ann", () => stateAt(b, a.doc.clientID)?.user?.name === "Ann");
    expect(stateAt(b, a.doc.clientID)?.role).toBeUndefined();
  });

  it("hands a client id over from a socket that stopped answering to the client reconnecting with it", async () => {
    const room = newRoomId();
    const watcher = await open(room);
    const clientId = 123_456;
    const announce = (ws: WebSocket, name: string, clock: number) => {
      const awareness = new Awareness(new Y.Doc());
      awareness.clientID = clientId;
      awareness.setLocalState({ user: { name, color: "#112233" } });
      // Clocks grow across the two sockets, as one client's do across a reconnect.
      const meta = awareness.meta.get(clientId);
      if (meta) meta.clock = clock;
      ws.send(encodeAwareness(encodeAwarenessUpdate(awareness, [clientId])));
      awareness.destroy();
    };
    // The first socket goes silent (its network dropped): it no longer answers pings.
    const stale = new WebSocket(`${srv.syncUrl}/${room}`, { autoPong: false });
    await new Promise((done) => stale.once("open", done));
    stale.on("error", () => {});
    stale.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    announce(stale, "Ann (old tab)", 1);
    await waitFor(
      "watcher sees the old socket's state",
      () => stateAt(watcher, clientId)?.user?.name === "Ann (old tab)",
    );
    const staleClosed = new Promise((done) => stale.once("close", done));

    const fresh = new WebSocket(`${srv.syncUrl}/${room}`);
    await new Promise((done) => fresh.once("open", done));
    fresh.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    announce(fresh, "Ann", 2);
    // The server probes the owner; one that does not answer is cut, and its id is free again.
    await staleClosed;
    announce(fresh, "Ann", 3);
    await waitFor(
      "watcher sees the reconnected client",
      () => stateAt(watcher, clientId)?.user?.name === "Ann",
      10_000,
    );
    fresh.close();
  });

  it("refuses the id to another live socket, which keeps answering its probes", async () => {
    const room = newRoomId();
    const [owner, intruder, watcher] = [await open(room), await open(room), await open(room)];
    owner.awareness.setLocalState({ user: { name: "Ann", color: "#112233" } });
    await waitFor("watcher sees Ann", () => stateAt(watcher, owner.doc.clientID)?.user?.name === "Ann");
    for (let clock = 10; clock < 15; clock++)
      sendEntries(intruder, [
        { clientId: owner.doc.clientID, clock, state: { user: { name: "Eve", color: "#000000" } } },
      ]);
    intruder.awareness.setLocalState({ user: { name: "Ivo", color: "#000000" } });
    await waitFor("watcher sees Ivo", () => stateAt(watcher, intruder.doc.clientID)?.user?.name === "Ivo");
    expect(stateAt(watcher, owner.doc.clientID)?.user?.name).toBe("Ann");
    expect(owner.ws.readyState).toBe(WebSocket.OPEN);
    const metrics = await (await fetch(`${srv.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/archboard_sync_awareness_dropped_total\{reason="foreign_id"\} [1-9]/);
  });

  it("shows a stock client whose socket dropped again once it reconnects, though its peer echoed its removal", async () => {
    const room = newRoomId();
    const [ann, bob] = [connectClient(srv.syncUrl, room), connectClient(srv.syncUrl, room)];
    const pointerAt = (c: TestClient) =>
      (bob.provider.awareness.getStates().get(c.doc.clientID)?.pointer as { x?: number } | undefined)?.x;
    try {
      await Promise.all([synced(ann), synced(bob)]);
      ann.provider.awareness.setLocalStateField("pointer", { x: 1, y: 1 });
      await waitFor("Bob sees Ann's cursor", () => pointerAt(ann) === 1);
      // Ann's network drops: no goodbye, the server finds the socket closed and tells Bob she left.
      ann.provider.shouldConnect = false;
      (ann.provider.ws as unknown as WebSocket).terminate();
      await waitFor("Bob no longer sees Ann", () => !bob.provider.awareness.getStates().has(ann.doc.clientID));
      // Bob's client sends that removal back, as the stock client does with every change it gets.
      ann.provider.connect();
      await waitFor("Ann is back", () => ann.provider.synced);
      ann.provider.awareness.setLocalStateField("pointer", { x: 2, y: 2 });
      await waitFor("Bob sees Ann's cursor again", () => pointerAt(ann) === 2, 10_000);
    } finally {
      ann.destroy();
      bob.destroy();
    }
  });
});
