import { describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { fuzzFrames } from "../testing/frame-fuzz.ts";
import { FuzzSocket } from "../testing/fuzz-socket.ts";
import { CloseCode, encodeSyncStep2, encodeUpdate } from "./protocol.ts";
import { connectClient, element, rawSocket, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s/g, ""), "hex"));

/** The reason text of a socket's close. */
const closeOf = (ws: import("ws").WebSocket) =>
  new Promise<{ code: number; reason: string }>((done) =>
    ws.once("close", (code: number, reason: Buffer) => done({ code, reason: reason.toString() })),
  );

describe("hostile document updates", { timeout: 120_000 }, () => {
  const srv = suiteServer();

  it("refuses updates whose counts exceed their bytes with 1007, before Yjs sees them, and rooms keep syncing", async () => {
    const room = newRoomId();
    const other = newRoomId();
    const [a, b] = [connectClient(srv.syncUrl, room), connectClient(srv.syncUrl, other)];
    await Promise.all([synced(a), synced(b)]);
    // 33,554,431 structs claimed in seven bytes; 2^32-1 delete ranges; 2^28 clients.
    const claims = ["01ffffff0f0100", "00 01 05 ffffffff0f 00 01", "ffffff7f 01 05 00"].map(hex);
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const s = await rawSocket(`${srv.syncUrl}/${room}`);
        const closed = closeOf(s.ws);
        const claim = claims[i % claims.length] as Uint8Array;
        s.ws.send(i % 2 ? encodeUpdate(claim) : encodeSyncStep2(claim));
        return closed;
      }),
    );
    expect(results.every((r) => r.code === CloseCode.InvalidPayload && r.reason === "invalid update")).toBe(true);
    a.elements.set("after", element("after"));
    b.elements.set("other", element("other"));
    const [a2, b2] = [connectClient(srv.syncUrl, room), connectClient(srv.syncUrl, other)];
    await waitFor("edits after the attack", () => a2.elements.has("after") && b2.elements.has("other"), 20_000);
    for (const c of [a, b, a2, b2]) c.destroy();
  });

  it("applies nothing of an update whose structs are sound but whose delete set is cut", async () => {
    const room = newRoomId();
    const watcher = connectClient(srv.syncUrl, room);
    await synced(watcher);
    const source = new Y.Doc();
    source.getMap("elements").set("ghost", element("ghost"));
    const full = Y.encodeStateAsUpdate(source);
    // The structs end where the delete set begins (its client count, 0, is the last byte): cut it off.
    const cut = full.subarray(0, full.length - 1);
    const s = await rawSocket(`${srv.syncUrl}/${room}`);
    const closed = closeOf(s.ws);
    s.ws.send(encodeUpdate(cut));
    expect(await closed).toEqual({ code: CloseCode.InvalidPayload, reason: "invalid update" });
    // An honest edit sent afterwards arrives; the ghost never does, live or from the store.
    watcher.elements.set("real", element("real"));
    const late = connectClient(srv.syncUrl, room);
    await waitFor("the honest edit", () => late.elements.has("real"), 20_000);
    expect(late.elements.has("ghost")).toBe(false);
    expect(watcher.elements.has("ghost")).toBe(false);
    watcher.destroy();
    late.destroy();
  });

  it("fuzz: 1,000 mutated, crafted and random frames, each dealt with, while another room syncs", async () => {
    const honestRoom = newRoomId();
    const [writer, reader] = [connectClient(srv.syncUrl, honestRoom), connectClient(srv.syncUrl, honestRoom)];
    await Promise.all([synced(writer), synced(reader)]);
    const frames = fuzzFrames(4242);
    const rooms = Array.from({ length: 4 }, () => newRoomId());
    const outcomes = { answered: 0, closed: 0, unanswered: 0 };
    let sent = 0;
    const worker = async (w: number) => {
      while (sent < 1000) {
        const socket = await FuzzSocket.open(`${srv.syncUrl}/${rooms[w]}`);
        for (let i = 0; i < 50 && sent < 1000; i++) {
          sent++;
          const outcome = await socket.send(frames.next().value!.frame);
          outcomes[outcome]++;
          if (outcome !== "answered") break;
        }
        await socket.close();
        if (sent % 100 < 4) writer.elements.set(`e${sent}`, element(`e${sent}`));
      }
    };
    await Promise.all(rooms.map((_, w) => worker(w)));
    expect(outcomes.unanswered).toBe(0);
    expect(outcomes.closed).toBeGreaterThan(300);
    writer.elements.set("last", element("last"));
    await waitFor(
      "the honest room caught up",
      () => reader.elements.size === writer.elements.size && reader.elements.has("last"),
      20_000,
    );
    const health = await fetch(`${srv.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    writer.destroy();
    reader.destroy();
  });
});
