import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { connectClient, element, synced, waitFor } from "../testing/sync-clients.ts";
import { startTestServer, stubWebDist, tempDir, type TestServer } from "../testing/test-server.ts";

const gauge = async (srv: TestServer, name: string): Promise<number> => {
  const text = await (await fetch(`${srv.httpUrl}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1]);
};

describe("room lifetime in memory", { timeout: 15_000 }, () => {
  const web = stubWebDist();
  const data = tempDir("archboard-sync-");
  const data2 = tempDir("archboard-sync-");
  let quick: TestServer;
  let patient: TestServer;
  beforeAll(async () => {
    quick = await startTestServer(data.path, web.path, { ROOM_UNLOAD_GRACE_MS: "100" });
    patient = await startTestServer(data2.path, web.path, { ROOM_UNLOAD_GRACE_MS: "600000" });
  });
  afterAll(async () => {
    await quick.stop();
    await patient.stop();
    web.remove();
    data.remove();
    data2.remove();
  });

  it("unloads a room after its last client leaves and the grace period passes, then reloads it on rejoin", async () => {
    const room = newRoomId();
    const rooms = quick.server.sync.rooms;
    const a = connectClient(quick.syncUrl, room);
    const b = connectClient(quick.syncUrl, room);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 5; i++) a.elements.set(`e${i}`, element(`e${i}`));
    await waitFor("b has the edits", () => b.elements.size === 5);
    expect(rooms.isLoaded(room as never)).toBe(true);
    expect(await gauge(quick, "archboard_sync_rooms_open")).toBe(1);

    a.destroy();
    expect(rooms.isLoaded(room as never)).toBe(true); // b is still there
    b.destroy();
    await waitFor("room unloaded", () => !rooms.isLoaded(room));
    await rooms.settled();
    expect(await gauge(quick, "archboard_sync_rooms_open")).toBe(0);
    expect(await gauge(quick, "archboard_sync_connections")).toBe(0);
    expect(await gauge(quick, "archboard_sync_rooms_unloaded_total")).toBeGreaterThanOrEqual(1);
    // Unloading flushed and merged the log.
    expect((await quick.server.sync.store.load(room as never)).updates).toHaveLength(1);

    const c = connectClient(quick.syncUrl, room);
    try {
      await synced(c);
      await waitFor("reloaded content", () => c.elements.size === 5);
      expect(rooms.isLoaded(room as never)).toBe(true);
      c.elements.set("after", element("after"));
      const d = connectClient(quick.syncUrl, room);
      await waitFor("edit after reload relays", () => d.elements.has("after"));
      d.destroy();
    } finally {
      c.destroy();
    }
  });

  it("keeps an empty room in memory during the grace period and reuses it on rejoin", async () => {
    const room = newRoomId();
    const rooms = patient.server.sync.rooms;
    const a = connectClient(patient.syncUrl, room);
    await synced(a);
    a.elements.set("x", element("x"));
    const instance = rooms.get(room);
    a.destroy();
    await waitFor("connection gone", () => instance?.connections.size === 0);
    const b = connectClient(patient.syncUrl, room);
    try {
      await synced(b);
      await waitFor("content", () => b.elements.has("x"));
      expect(rooms.get(room as never)).toBe(instance);
    } finally {
      b.destroy();
    }
  });
});
