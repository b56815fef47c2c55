import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodeAwarenessEntries } from "./awareness-guard.ts";
import { RoomPresence } from "./presence.ts";
import { encodeAwareness, encodeUpdate } from "./protocol.ts";
import { registerSyncMetrics } from "./sync-metrics.ts";

/** A room's presence with nobody connected here, and what it broadcast. */
function presence() {
  const metrics = registerSyncMetrics(new Registry(), {
    rooms: () => 1,
    connections: () => 0,
    largestStoredBytes: () => 0,
    limits: {},
  });
  const sent: Uint8Array[] = [];
  const doc = new Y.Doc();
  return { presence: new RoomPresence(doc, metrics, (frame) => sent.push(frame)), sent, doc };
}

describe("RoomPresence.fromRemote", () => {
  it("passes on another server's frame unchanged when nobody here owns its ids", () => {
    const { presence: p, doc } = presence();
    const frame = encodeAwareness(
      encodeAwarenessEntries([{ clientId: 42, clock: 3, state: JSON.stringify({ user: { name: "Ann" } }) }]),
    );
    expect(p.fromRemote(frame)).toBe(frame);
    doc.destroy();
  });

  it("passes on nothing from a frame that does not decode or is not presence, and does not throw", () => {
    const { presence: p, sent, doc } = presence();
    const good = encodeAwareness(encodeAwarenessEntries([{ clientId: 42, clock: 3, state: "{}" }]));
    // Cut short, and a count of entries the bytes cannot hold.
    expect(p.fromRemote(good.subarray(0, good.length - 2))).toBeNull();
    expect(p.fromRemote(Uint8Array.of(1, 3, 0xff, 0xff, 0x7f))).toBeNull();
    // A document update is not relayed on this path.
    expect(p.fromRemote(encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toBeNull();
    expect(sent).toEqual([]);
    doc.destroy();
  });
});
