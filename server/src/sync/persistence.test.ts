import { afterAll, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { startChildServer } from "../testing/child-server.ts";
import {
  connectClient,
  docFromUpdates,
  element,
  rawSocket,
  snapshot,
  synced,
  waitFor,
} from "../testing/sync-clients.ts";
import { startTestServer, stubWebDist, tempDir } from "../testing/test-server.ts";
import { openTestStore, testStoreEnv } from "../testing/test-store.ts";

// Two tests start a server process twice; on a loaded machine each start can take many seconds.
describe("persistence", { timeout: 120_000 }, () => {
  const web = stubWebDist();
  afterAll(() => web.remove());

  it("brings a room's content back after the server restarts on the same DATA_DIR", async () => {
    const data = tempDir("archboard-sync-");
    const room = newRoomId();
    let srv = await startTestServer(data.path, web.path);
    const a = connectClient(srv.syncUrl, room);
    await synced(a);
    for (let i = 0; i < 10; i++) a.elements.set(`e${i}`, element(`e${i}`, i + 1));
    a.doc.getMap("files").set("f1", { id: "f1", mimeType: "image/png" });
    const expected = snapshot(a.doc);
    // A second client seeing every edit means the server relayed, hence stored, them.
    const witness = connectClient(srv.syncUrl, room);
    await waitFor("witness has everything", () => JSON.stringify(snapshot(witness.doc)) === JSON.stringify(expected));
    a.destroy();
    witness.destroy();
    await srv.stop();

    srv = await startTestServer(data.path, web.path);
    const fresh = connectClient(srv.syncUrl, room);
    try {
      await synced(fresh);
      await waitFor("content restored", () => fresh.elements.size === 10);
      expect(snapshot(fresh.doc)).toEqual(expected);
    } finally {
      fresh.destroy();
      await srv.stop();
      data.remove();
    }
  });

  it("compacts a busy room's log: fewer rows, the same content", async () => {
    const data = tempDir("archboard-sync-");
    const room = newRoomId();
    const srv = await startTestServer(data.path, web.path, { COMPACT_AFTER_UPDATES: "25" });
    const a = connectClient(srv.syncUrl, room);
    const b = connectClient(srv.syncUrl, room);
    try {
      await Promise.all([synced(a), synced(b)]);
      for (let i = 0; i < 100; i++) {
        a.elements.set(`e${i}`, element(`e${i}`, i));
        // One edit at a time, so each is its own message and its own row.
        await waitFor(`edit ${i} relayed`, () => b.elements.has(`e${i}`));
      }
      const stored = await srv.server.sync.store.load(room);
      expect(stored.updates.length).toBeLessThan(30);
      expect(snapshot(docFromUpdates(stored.updates))).toEqual(snapshot(a.doc));
    } finally {
      a.destroy();
      b.destroy();
      await srv.stop();
    }
    // After shutdown the room was flushed and merged into a single row.
    const store = await openTestStore(data.path);
    const stored = await store.load(room);
    expect(stored.updates).toHaveLength(1);
    expect((docFromUpdates(stored.updates).getMap("elements").toJSON() as Record<string, unknown>)["e99"]).toEqual(
      element("e99", 99),
    );
    await store.close();
    data.remove();
  });

  it("loses nothing a peer received when the process is killed with SIGKILL", async () => {
    const data = tempDir("archboard-sync-");
    const room = newRoomId();
    let child = await startChildServer({ dataDir: data.path, webDist: web.path, env: await testStoreEnv(data.path) });
    const a = connectClient(child.syncUrl, room);
    const b = connectClient(child.syncUrl, room);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 200; i++) a.elements.set(`e${i}`, element(`e${i}`, i));
    b.elements.set("from-b", element("from-b"));
    await waitFor("b received all of a's edits", () => b.elements.size === 201);
    await waitFor("a received b's edit", () => a.elements.has("from-b"));
    const expected = snapshot(b.doc);
    await child.stop("SIGKILL");
    a.destroy();
    b.destroy();

    child = await startChildServer({ dataDir: data.path, webDist: web.path, env: await testStoreEnv(data.path) });
    const fresh = connectClient(child.syncUrl, room);
    try {
      await synced(fresh);
      await waitFor("fresh client restored", () => fresh.elements.size === 201);
      expect(snapshot(fresh.doc)).toEqual(expected);
    } finally {
      fresh.destroy();
      await child.stop("SIGTERM");
      data.remove();
    }
  });

  it("loses nothing acknowledged when the process is killed while it compacts", async () => {
    const data = tempDir("archboard-sync-");
    const room = newRoomId();
    // Compaction after every second update, of a room holding a 2 MB file: the server
    // spends most of its time compacting, so the kill lands inside one (or between two).
    const env = { ...(await testStoreEnv(data.path)), COMPACT_AFTER_UPDATES: "2" };
    let child = await startChildServer({ dataDir: data.path, webDist: web.path, env });
    const compactions = async () => {
      const text = await (await fetch(`${child.url}/metrics`)).text();
      return Number(/^archboard_sync_store_compactions_total (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    const a = connectClient(child.syncUrl, room);
    const b = connectClient(child.syncUrl, room);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap("files").set("photo", { id: "photo", dataURL: `data:image/png;base64,${"A".repeat(2_000_000)}` });
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        a.elements.set(`e${i}`, element(`e${i}`, i + 1));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await waitFor("the room has compacted several times", async () => (await compactions()) >= 5, 60_000);
    await waitFor("b received edits made while compacting", () => b.elements.size >= 20, 60_000);
    // What b holds was relayed, hence committed, before the kill.
    const seen = snapshot(b.doc);
    await child.stop("SIGKILL");
    writing = false;
    await writer;
    a.destroy();
    b.destroy();

    child = await startChildServer({ dataDir: data.path, webDist: web.path, env: await testStoreEnv(data.path) });
    const fresh = connectClient(child.syncUrl, room);
    try {
      await synced(fresh);
      await waitFor("the restarted room has everything b saw", () =>
        Object.keys(seen.elements).every((id) => fresh.elements.has(id)),
      );
      expect(fresh.doc.getMap("files").has("photo")).toBe(true);
      for (const [id, value] of Object.entries(seen.elements)) expect(fresh.elements.get(id)).toEqual(value);
    } finally {
      fresh.destroy();
      await child.stop("SIGTERM");
      data.remove();
    }
  });

  it("on SIGTERM closes sockets with 1001 and keeps the content", async () => {
    const data = tempDir("archboard-sync-");
    const room = newRoomId();
    let child = await startChildServer({ dataDir: data.path, webDist: web.path, env: await testStoreEnv(data.path) });
    const a = connectClient(child.syncUrl, room);
    await synced(a);
    for (let i = 0; i < 50; i++) a.elements.set(`e${i}`, element(`e${i}`, i));
    const raw = await rawSocket(`${child.syncUrl}/${room}`);
    // The raw socket's greeting means the server has handled a's earlier messages.
    await waitFor("raw greeting", () => raw.frames.length > 0);
    const expected = snapshot(a.doc);
    a.provider.shouldConnect = false;
    await child.stop("SIGTERM");
    expect(await raw.closed).toBe(1001);
    a.destroy();

    child = await startChildServer({ dataDir: data.path, webDist: web.path, env: await testStoreEnv(data.path) });
    const fresh = connectClient(child.syncUrl, room);
    try {
      await synced(fresh);
      await waitFor("content kept", () => fresh.elements.size === 50);
      expect(snapshot(fresh.doc)).toEqual(expected);
    } finally {
      fresh.destroy();
      await child.stop("SIGTERM");
      data.remove();
    }
  });
});
