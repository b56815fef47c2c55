import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { writeScene, type FileEntry, type SyncedElement } from "@archboard/board-sync";
import { FIXTURES_DIR } from "@archboard/diagram-lint/testing/corpus";
import { newRoomId, SYNC_CLOSE, type RoomId } from "@archboard/protocol";
import { loadConfig } from "../config.ts";
import { CloseCode } from "./protocol.ts";
import { connectRaw, type RawSyncClient } from "../testing/raw-client.ts";
import { connectClient, element, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer, type TestServer } from "../testing/test-server.ts";

const KiB = 1024;

/** One series' value from `/metrics` (0 when absent). */
const metric = async (srv: TestServer, series: string) => {
  const text = await (await fetch(`${srv.httpUrl}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
};
/** An element carrying `bytes` of text, as a pasted block of notes would. */
const bulky = (id: string, bytes: number) => ({ ...element(id), text: "x".repeat(bytes) });
const open = async (srv: TestServer, room: RoomId) => {
  const c = await connectRaw(`${srv.syncUrl}/${room}`);
  await waitFor("synced", () => c.synced);
  return c;
};
const keys = (c: RawSyncClient) => [...c.doc.getMap("elements").keys()];

describe("stored-size ceiling", { timeout: 60_000 }, () => {
  const ceiling = 256 * KiB;
  const srv = suiteServer({ ROOM_MAX_STORED_BYTES: String(ceiling) });

  it("refuses content past the ceiling with 4413, keeps what was stored, and still lets people delete", async () => {
    const room = newRoomId();
    const [writer, other, watcher] = [await open(srv, room), await open(srv, room), await open(srv, room)];
    for (let i = 0; i < 10; i++) writer.doc.getMap("elements").set(`big${i}`, bulky(`big${i}`, 40 * KiB));
    expect(await writer.closed).toEqual({ code: CloseCode.RoomFull, reason: SYNC_CLOSE.roomFull.reason });
    const stored = await srv.server.sync.store.load(room);
    expect(stored.bytes).toBeLessThanOrEqual(ceiling);
    expect(stored.bytes).toBeGreaterThan(ceiling - 50 * KiB);

    // Everyone else stays connected and reads the board as stored.
    const reader = await open(srv, room);
    await waitFor("watcher has what was stored", () => keys(watcher).length === keys(reader).length);
    expect(keys(reader).length).toBeGreaterThan(0);
    expect(keys(reader).length).toBeLessThan(10);
    // Deleting is allowed at the ceiling; adding is not, from anyone.
    const first = keys(reader)[0] as string;
    other.doc.getMap("elements").delete(first);
    await waitFor("the deletion reaches the watcher", () => !keys(watcher).includes(first));
    other.doc.getMap("elements").set("one-more", bulky("one-more", 60 * KiB));
    expect((await other.closed).code).toBe(CloseCode.RoomFull);
    expect(keys(watcher)).not.toContain("one-more");

    expect(await metric(srv, 'archboard_sync_closes_total{reason="room_full"}')).toBe(2);
    expect(await metric(srv, 'archboard_sync_limit{limit="room_max_stored_bytes"}')).toBe(ceiling);
    expect(await metric(srv, "archboard_sync_room_stored_bytes_max")).toBeGreaterThan(ceiling - 50 * KiB);
    for (const c of [writer, other, watcher, reader]) c.destroy();
  });
});

describe("byte rate per connection and per room", { timeout: 60_000 }, () => {
  const srv = suiteServer({
    SYNC_BYTES_PER_SECOND: String(64 * KiB),
    SYNC_BYTES_BURST: String(64 * KiB),
    ROOM_BYTES_PER_SECOND: String(96 * KiB),
    ROOM_BYTES_BURST: String(96 * KiB),
  });

  it("slows a connection sending past its budget without dropping anything", async () => {
    const room = newRoomId();
    const [writer, watcher] = [await open(srv, room), await open(srv, room)];
    const before = await metric(srv, 'archboard_sync_throttled_total{scope="connection"}');
    for (let i = 0; i < 8; i++) writer.doc.getMap("elements").set(`e${i}`, bulky(`e${i}`, 32 * KiB));
    await waitFor("all eight arrive", () => keys(watcher).length === 8, 30_000);
    expect(await metric(srv, 'archboard_sync_throttled_total{scope="connection"}')).toBeGreaterThan(before);
    expect(writer.ws.readyState).toBe(writer.ws.OPEN);
    for (const c of [writer, watcher]) c.destroy();
  });

  it("slows the senders of a room whose connections together pass the room's budget", async () => {
    const room = newRoomId();
    const [a, b, watcher] = [await open(srv, room), await open(srv, room), await open(srv, room)];
    const before = await metric(srv, 'archboard_sync_throttled_total{scope="room"}');
    // Each stays within its own burst; together they pass the room's.
    a.doc.getMap("elements").set("a", bulky("a", 56 * KiB));
    b.doc.getMap("elements").set("b", bulky("b", 56 * KiB));
    a.doc.getMap("elements").set("a2", bulky("a2", 4 * KiB));
    b.doc.getMap("elements").set("b2", bulky("b2", 4 * KiB));
    await waitFor("all four arrive", () => keys(watcher).length === 4, 30_000);
    expect(await metric(srv, 'archboard_sync_throttled_total{scope="room"}')).toBeGreaterThan(before);
    for (const c of [a, b, watcher]) c.destroy();
  });
});

describe("an image-heavy board under the default limits", { timeout: 60_000 }, () => {
  const srv = suiteServer();

  it("syncs and stores the largest fixture with images far below every default limit", async () => {
    const scene = JSON.parse(readFileSync(resolve(FIXTURES_DIR, "bigdata-stack-architecture.excalidraw"), "utf8")) as {
      elements: SyncedElement[];
      files: Record<string, FileEntry>;
    };
    expect(Object.keys(scene.files).length).toBeGreaterThanOrEqual(5);
    const room = newRoomId();
    const [author, viewer] = [connectClient(srv.syncUrl, room), connectClient(srv.syncUrl, room)];
    try {
      await Promise.all([synced(author), synced(viewer)]);
      writeScene(author.doc, scene.elements, scene.files);
      await waitFor(
        "the viewer has every image",
        () => viewer.doc.getMap("files").size === Object.keys(scene.files).length,
      );
      const stored = await srv.server.sync.store.load(room);
      const defaults = loadConfig({}).sync;
      expect(stored.bytes * 10).toBeLessThan(defaults.roomMaxStoredBytes);
      expect(stored.bytes * 10).toBeLessThan(defaults.connBytesBurst);
      expect(author.provider.wsconnected).toBe(true);
      expect(await metric(srv, 'archboard_sync_throttled_total{scope="connection"}')).toBe(0);
    } finally {
      author.destroy();
      viewer.destroy();
    }
  });
});
