import { describe, expect, it } from "vitest";
import { newRoomId, SYNC_RETRY } from "@archboard/protocol";
import * as Y from "yjs";
import { CloseCode, encodeUpdate } from "./protocol.ts";
import { connectRaw } from "../testing/raw-client.ts";
import { element, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

/**
 * Updates that each depend on a change the server never received: a client
 * whose first edit is withheld, then `count` edits of `bytes` each.
 */
function gappedUpdates(count: number, bytes: number): { source: Y.Doc; updates: Uint8Array[] } {
  const source = new Y.Doc();
  const list = source.getArray<string>("elements-order");
  list.push(["withheld"]);
  const updates: Uint8Array[] = [];
  source.on("update", (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) list.push([`${i}:`.padEnd(bytes, "x")]);
  return { source, updates };
}

const metric = async (url: string, series: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(series));
  return line ? Number(line.split(" ").at(-1)) : 0;
};

describe("changes waiting for missing ones", { timeout: 60_000 }, () => {
  const srv = suiteServer({ PENDING_MAX_AGE_MS: "1500" });

  it("drops them past 1 MiB and closes the sender with 4008; the room keeps syncing and the sender's reconnect delivers it all", async () => {
    const room = newRoomId();
    const watcher = await connectRaw(`${srv.syncUrl}/${room}`);
    const sender = await connectRaw(`${srv.syncUrl}/${room}`);
    await waitFor("synced", () => watcher.synced && sender.synced);
    const { source, updates } = gappedUpdates(12, 200 * 1024);
    for (const u of updates) sender.ws.send(encodeUpdate(u));
    expect(await sender.closed).toEqual({
      code: CloseCode.PendingOverflow,
      reason: SYNC_RETRY.pendingOverflow.reason,
    });
    expect(await metric(srv.httpUrl, 'archboard_sync_pending_dropped_total{reason="bytes"}')).toBeGreaterThanOrEqual(1);
    expect(srv.server.sync.rooms.get(room)?.doc.store.pendingStructs).toBeNull();

    // The room is healthy: an honest edit gets through.
    const writer = await connectRaw(`${srv.syncUrl}/${room}`);
    await waitFor("writer synced", () => writer.synced);
    writer.doc.getMap("elements").set("after", element("after"));
    await waitFor("watcher sees the edit", () => watcher.doc.getMap("elements").has("after"));
    expect(watcher.doc.getArray("elements-order").length).toBe(0);

    // Reconnecting sends the client's whole state in the handshake: what was missing comes with it.
    const back = await connectRaw(`${srv.syncUrl}/${room}`, source);
    await waitFor("watcher gets the whole list", () => watcher.doc.getArray("elements-order").length === 13, 20_000);
    for (const c of [watcher, writer, back]) c.destroy();
  });

  it("drops a small gap that never fills after the age bound, closing its sender", async () => {
    const room = newRoomId();
    const sender = await connectRaw(`${srv.syncUrl}/${room}`);
    await waitFor("synced", () => sender.synced);
    const before = await metric(srv.httpUrl, 'archboard_sync_pending_dropped_total{reason="age"}');
    const { updates } = gappedUpdates(1, 100);
    sender.ws.send(encodeUpdate(updates[0] as Uint8Array));
    expect((await sender.closed).code).toBe(CloseCode.PendingOverflow);
    expect(await metric(srv.httpUrl, 'archboard_sync_pending_dropped_total{reason="age"}')).toBe(before + 1);
    expect(srv.server.sync.rooms.get(room)?.doc.store.pendingStructs ?? null).toBeNull();
  });

  it("lets a brief gap fill: changes from two sockets of one client arriving out of order are all kept", async () => {
    const room = newRoomId();
    const [first, second, watcher] = [
      await connectRaw(`${srv.syncUrl}/${room}`),
      await connectRaw(`${srv.syncUrl}/${room}`),
      await connectRaw(`${srv.syncUrl}/${room}`),
    ];
    await waitFor("synced", () => first.synced && second.synced && watcher.synced);
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on("update", (u: Uint8Array) => updates.push(u));
    source.getMap("elements").set("a", element("a"));
    source.getMap("elements").set("a", element("a", 2));
    second.ws.send(encodeUpdate(updates[1] as Uint8Array));
    first.ws.send(encodeUpdate(updates[0] as Uint8Array));
    await waitFor("watcher sees version 2", () => {
      const a = watcher.doc.getMap("elements").get("a") as { version?: number } | undefined;
      return a?.version === 2;
    });
    expect(first.ws.readyState).toBe(first.ws.OPEN);
    expect(second.ws.readyState).toBe(second.ws.OPEN);
    for (const c of [first, second, watcher]) c.destroy();
  });
});
