import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { CloseCode, encodeAwareness, encodeSyncStep1, encodeUpdate } from "./protocol.ts";
import { connectClient, element, rawSocket, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

const MAX_MESSAGE_BYTES = 64 * 1024;

/** A valid update and awareness message to truncate or corrupt. */
function realFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on("update", (u: Uint8Array) => (update = u));
  doc.getMap("elements").set("e", { id: "e", type: "rectangle", version: 3 });
  const awareness = new TextEncoder().encode('{"user":{"name":"Ann"}}');
  const aw = Uint8Array.of(1, 200, 1, 4, awareness.length, ...awareness);
  return [encodeUpdate(update), encodeSyncStep1(Y.encodeStateVector(doc)), encodeAwareness(aw)];
}

/** Envelope-valid frames with random or cut payloads: they reach the Yjs and awareness decoders. */
function hostileFrame(i: number, real: Uint8Array[]): Uint8Array {
  const src = real[i % real.length] as Uint8Array;
  switch (i % 4) {
    case 0: // truncated real frame
      return src.subarray(0, 1 + (i % (src.length - 1)));
    case 1: // sync message (step 1, step 2 or update) with random bytes
      return Uint8Array.of(0, i % 3, ...randomBytes(1 + (i % 60)));
    case 2: // awareness envelope around random bytes
      return Uint8Array.of(1, ...randomBytes(1 + (i % 60)));
    default: // a real frame with a few bytes flipped
      return src.map((b, j) => (j > 1 && j % 3 === i % 3 ? b ^ 0x5a : b));
  }
}

/** A frame that can never decode: a sync update whose length varint is cut. */
const TRUNCATED = Uint8Array.of(0, 2, 0xff);

describe("bad input", { timeout: 30_000 }, () => {
  const srv = suiteServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) });

  it("refuses an upgrade for a bad room id with HTTP 400", async () => {
    for (const bad of ["short", "has%20space-xxxxxxxxxxx", "a/b/cdefghijklmnopq", ""]) {
      const status = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${srv.syncUrl}/${bad}`);
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => reject(new Error(`upgrade accepted for ${bad}`)));
        ws.on("error", () => {});
      });
      expect(status).toBe(400);
    }
  });

  it("survives hostile frames, oversize frames and floods in room A while room B keeps syncing", async () => {
    const roomA = newRoomId();
    const roomB = newRoomId();
    const b1 = connectClient(srv.syncUrl, roomB);
    const b2 = connectClient(srv.syncUrl, roomB);
    await Promise.all([synced(b1), synced(b2)]);
    let bDisconnects = 0;
    for (const c of [b1, b2])
      c.provider.on("status", ({ status }) => void (status === "disconnected" && bDisconnects++));
    // A legitimate writer in room A as well: the room must survive its attackers.
    const a1 = connectClient(srv.syncUrl, roomA);
    await synced(a1);

    const real = realFrames();
    const attack = async (): Promise<{ codes: number[]; frames: number }> => {
      const codes: number[] = [];
      let frames = 0;
      // 1,000 sockets × 5 frames, in waves of 50 sockets.
      for (let wave = 0; wave < 20; wave++) {
        const sockets = await Promise.all(Array.from({ length: 50 }, () => rawSocket(`${srv.syncUrl}/${roomA}`)));
        for (const [s, { ws }] of sockets.entries()) {
          // Start each socket on a different kind, so many frames get past the first.
          for (let i = 0; i < 4; i++) ws.send(hostileFrame(wave * 1000 + s * 21 + 1 + i * 5, real));
          ws.send(TRUNCATED);
          frames += 5;
        }
        codes.push(...(await Promise.all(sockets.map((s) => s.closed))));
      }
      return { codes, frames };
    };
    const oversize = async () => {
      const { ws, closed } = await rawSocket(`${srv.syncUrl}/${roomA}`);
      ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
      return closed;
    };
    const flood = async () => {
      const { ws, closed } = await rawSocket(`${srv.syncUrl}/${roomA}`);
      // An unknown message type: ignored, but it still counts against the rate.
      for (let i = 0; i < 2000 && ws.readyState === WebSocket.OPEN; i++) ws.send(Uint8Array.of(42));
      return closed;
    };
    const textFrame = async () => {
      const { ws, closed } = await rawSocket(`${srv.syncUrl}/${roomA}`);
      ws.send("hello");
      return closed;
    };

    const during = (async () => {
      // Edits in room B while the attack runs, both ways.
      for (let i = 0; i < 20; i++) {
        b1.elements.set(`b1-${i}`, element(`b1-${i}`, i));
        b2.elements.set(`b2-${i}`, element(`b2-${i}`, i));
        await new Promise((r) => setTimeout(r, 20));
      }
      await waitFor("room B edits arrived during the attack", () => b1.elements.size === 40 && b2.elements.size === 40);
    })();
    const received = async () => {
      const text = await (await fetch(`${srv.httpUrl}/metrics`)).text();
      return [...text.matchAll(/^archboard_sync_messages_received_total\{type="[^"]+"\} (\d+)$/gm)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    };
    const receivedBefore = await received();
    const [hostile, oversizeCode, floodCode, textCode] = await Promise.all([
      attack(),
      oversize(),
      flood(),
      textFrame(),
      during,
    ]);

    expect(hostile.frames).toBe(5000);
    // Each socket is closed at its first undecodable frame; the ones before it reached the decoders.
    expect((await received()) - receivedBefore).toBeGreaterThan(500);
    expect(new Set(hostile.codes)).toEqual(new Set([CloseCode.InvalidPayload]));
    expect(oversizeCode).toBe(CloseCode.MessageTooBig);
    expect(floodCode).toBe(CloseCode.PolicyViolation);
    expect(textCode).toBe(CloseCode.UnsupportedData);
    expect(bDisconnects).toBe(0);

    // Room A's honest client still syncs with a newcomer; the server is healthy.
    a1.elements.set("still-here", element("still-here"));
    const a2 = connectClient(srv.syncUrl, roomA);
    await waitFor("room A still works", () => a2.elements.has("still-here"));
    expect((await fetch(`${srv.httpUrl}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${srv.httpUrl}/metrics`)).text();
    // Every hostile socket was closed once: undecodable frames as "malformed", well-formed
    // messages carrying an update that lies about its contents as "bad_update".
    const closes = (reason: string) =>
      Number(metrics.match(new RegExp(`^archboard_sync_closes_total\\{reason="${reason}"\\} (\\d+)$`, "m"))?.[1] ?? 0);
    expect(closes("malformed") + closes("bad_update")).toBe(1000);
    expect(closes("malformed")).toBeGreaterThan(0);
    expect(metrics).toContain('archboard_sync_closes_total{reason="rate_limit"} 1');
    expect(metrics).toContain('archboard_sync_closes_total{reason="oversize"} 1');
    for (const c of [a1, a2, b1, b2]) c.destroy();
  });
});
