import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { startChildServer, type ChildServer } from "../testing/child-server.ts";
import { startNginx } from "../testing/nginx.ts";
import { startPostgres, type PostgresCluster } from "../testing/postgres.ts";
import { startRedis, type RedisServer } from "../testing/redis.ts";
import { connectRaw, type RawSyncClient } from "../testing/raw-client.ts";
import { connectClient, element, rawSocket, synced, waitFor, type TestClient } from "../testing/sync-clients.ts";
import { stubWebDist } from "../testing/test-server.ts";
import { SHARED_TEST_SECRET } from "../testing/test-store.ts";
import { encodeAwarenessEntries } from "./awareness-guard.ts";
import { encodeAwareness } from "./protocol.ts";

const SERVERS = 3;
const ROOMS = 10;
/** Long enough for a server process to start, or a room to converge, on a loaded machine. */
const CONVERGE_MS = 90_000;

/** Long enough for a cursor to cross servers on a loaded machine. */
const PRESENCE_MS = 30_000;

/** The pointer x `peer` sees for `of`, if any. */
const pointerX = (peer: TestClient, of: TestClient) =>
  (peer.provider.awareness.getStates().get(of.doc.clientID)?.pointer as { x?: number } | undefined)?.x;

/** A document's elements as sorted JSON, so two clients compare by content, not insertion order. */
const content = (c: TestClient) => {
  const all = c.elements.toJSON() as Record<string, unknown>;
  return JSON.stringify(
    Object.keys(all)
      .sort()
      .map((k) => [k, all[k]]),
  );
};

// Random but reproducible: a failure can be replayed.
let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

/** One client's random edit: add a shape, move one, or delete one. */
function randomEdit(c: TestClient, name: string, n: number): void {
  const keys = [...c.elements.keys()];
  const r = random();
  if (r < 0.5 || keys.length === 0) c.elements.set(`${name}-${n}`, element(`${name}-${n}`, n + 1));
  else if (r < 0.85) {
    const id = keys[Math.floor(random() * keys.length)] as string;
    c.elements.set(id, { ...element(id, n + 1), x: Math.floor(random() * 1000) });
  } else c.elements.delete(keys[Math.floor(random() * keys.length)] as string);
}

describe("three servers sharing PostgreSQL and Redis", { timeout: 240_000 }, () => {
  const web = stubWebDist();
  let pgc: PostgresCluster;
  let redis: RedisServer;
  const servers: ChildServer[] = [];
  const rooms = Array.from({ length: ROOMS }, () => newRoomId());
  /** rooms[r]'s clients; client i talks to server i directly (the worst case for fan-out). */
  const clients: TestClient[][] = [];
  let edits = 0;

  const env = () => ({ DATABASE_URL: pgc.url, REDIS_URL: redis.url, ARCHBOARD_SECRET: SHARED_TEST_SECRET });
  const startServer = (port = 0) => startChildServer({ webDist: web.path, port, env: env(), startTimeoutMs: 90_000 });
  const readiness = async (s: ChildServer) => {
    const res = await fetch(`${s.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { store: { error?: string }; redis: { error?: string } } };
  };

  /** Every client edits concurrently, `perClient` times each, at random moments. */
  const burst = (perClient: number) =>
    Promise.all(
      clients.flatMap((roomClients, r) =>
        roomClients.map(async (c, i) => {
          for (let k = 0; k < perClient; k++) {
            randomEdit(c, `r${r}c${i}`, edits + k);
            await new Promise((done) => setTimeout(done, random() * 15));
          }
        }),
      ),
    ).then(() => (edits += perClient));

  const converged = async (what: string) => {
    for (const [r, roomClients] of clients.entries()) {
      await waitFor(
        `room ${r} converges ${what}`,
        () => roomClients.every((c) => content(c) === content(roomClients[0] as TestClient)),
        CONVERGE_MS,
      );
    }
  };

  beforeAll(async () => {
    // The stock provider adds a process "exit" listener per client; this suite holds about 40 at once.
    process.setMaxListeners(Math.max(process.getMaxListeners(), 64));
    [pgc, redis] = await Promise.all([startPostgres(), startRedis()]);
    servers.push(...(await Promise.all(Array.from({ length: SERVERS }, () => startServer()))));
    for (const room of rooms) clients.push(servers.map((s) => connectClient(s.syncUrl, room)));
    await Promise.all(clients.flat().map((c) => synced(c)));
  });

  afterAll(async () => {
    for (const c of clients.flat()) c.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.allSettled([pgc?.destroy(), redis?.destroy()]);
    web.remove();
  });

  it("30 clients in 10 rooms, each room spread over three servers, converge after concurrent random edits", async () => {
    expect((await readiness(servers[0] as ChildServer)).body).toEqual({
      ok: true,
      store: { ok: true },
      redis: { ok: true },
    });
    await burst(30);
    await converged("after concurrent edits");
    // Cursors cross servers too: presence is relayed, not stored.
    const [a, b] = [clients[0]?.[0], clients[0]?.[2]] as [TestClient, TestClient];
    a.provider.awareness.setLocalStateField("pointer", { x: 7, y: 9 });
    await waitFor("a's pointer reaches a client on another server", () => pointerX(b, a) === 7, PRESENCE_MS);
  });

  it("a client on one server cannot replace the presence of someone on another for the people beside them", async () => {
    const room = newRoomId();
    const raws: RawSyncClient[] = [];
    const open = async (s: ChildServer) => {
      const c = await connectRaw(`${s.syncUrl}/${room}`);
      raws.push(c);
      await waitFor("synced", () => c.synced, CONVERGE_MS);
      return c;
    };
    const nameAt = (watcher: RawSyncClient, clientId: number) =>
      (watcher.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined)?.user?.name;
    try {
      const [here, there] = [servers[1], servers[2]] as [ChildServer, ChildServer];
      const ann = await open(here);
      const beside = await open(here);
      const eve = await open(there);
      ann.awareness.setLocalState({ user: { name: "Ann" } });
      const id = ann.doc.clientID;
      await waitFor("Ann's presence crosses servers", () => nameAt(eve, id) === "Ann", PRESENCE_MS);
      // Eve's server has nobody holding Ann's id, so it takes her forged state with a huge clock...
      const forged = { clientId: id, clock: 2 ** 40, state: JSON.stringify({ user: { name: "Eve as Ann" } }) };
      eve.ws.send(encodeAwareness(encodeAwarenessEntries([forged])));
      // ...and relays it, followed by Eve's own state, down the same ordered path.
      eve.awareness.setLocalState({ user: { name: "Eve" } });
      await waitFor(
        "Eve's own state reaches Ann's server",
        () => nameAt(beside, eve.doc.clientID) === "Eve",
        PRESENCE_MS,
      );
      expect(nameAt(beside, id)).toBe("Ann");
    } finally {
      for (const c of raws) c.destroy();
    }
  });

  it("through the shipped nginx config, each room's clients land on one server and converge", async () => {
    const proxy = await startNginx(servers.map((s) => s.port));
    const roomsOpen = async () => {
      let n = 0;
      for (const s of servers) {
        const text = await (await fetch(`${s.url}/metrics`)).text();
        n += Number(/^archboard_sync_rooms_open (\d+)$/m.exec(text)?.[1] ?? "NaN");
      }
      return n;
    };
    const before = await roomsOpen();
    const proxied = Array.from({ length: ROOMS }, () => {
      const room = newRoomId();
      return [0, 1, 2].map(() => connectClient(proxy.syncUrl, room));
    });
    try {
      await Promise.all(proxied.flat().map((c) => synced(c)));
      for (const [r, roomClients] of proxied.entries())
        for (const [i, c] of roomClients.entries()) for (let k = 0; k < 10; k++) randomEdit(c, `p${r}c${i}`, k);
      for (const [r, roomClients] of proxied.entries())
        await waitFor(
          `proxied room ${r} converges`,
          () => roomClients.every((c) => content(c) === content(roomClients[0] as TestClient)),
          CONVERGE_MS,
        );
      // Each new room is open on exactly one server: a room split across two would count twice.
      expect((await roomsOpen()) - before).toBe(ROOMS);
    } finally {
      for (const c of proxied.flat()) c.destroy();
      await proxy.stop();
    }
  });

  it("a server killed with SIGKILL mid-edit loses nothing: its clients come back and everyone converges", async () => {
    const editing = burst(20);
    const victim = servers[0] as ChildServer;
    await victim.stop("SIGKILL");
    // As a proxy would: the victim's clients reconnect to another server, while a replacement starts.
    for (const roomClients of clients) (roomClients[0] as TestClient).provider.serverUrl = servers[1]?.syncUrl ?? "";
    const replacement = startServer();
    await editing;
    await burst(5);
    await converged("after the kill");
    servers[0] = await replacement;
    // The moved client's cursor shows on its new server and beyond, though a peer there had
    // echoed its state while it was elsewhere (room 0's cursor crossed servers in the first test).
    const [moved, beside, beyond] = clients[0] as [TestClient, TestClient, TestClient];
    moved.provider.awareness.setLocalStateField("pointer", { x: 99, y: 9 });
    for (const peer of [beside, beyond])
      await waitFor("the moved client's cursor", () => pointerX(peer, moved) === 99, PRESENCE_MS);
  });

  it("a Redis restart mid-edit: servers say they are not ready, keep serving, and rooms converge once it is back", async () => {
    await redis.stop();
    try {
      for (const s of servers)
        await waitFor("not ready without Redis", async () => (await readiness(s)).status === 503, CONVERGE_MS);
      expect((await readiness(servers[1] as ChildServer)).body.redis.error).toMatch(
        /^redis:\/\/127\.0\.0\.1:\d+\/? is /,
      );
      await burst(10);
    } finally {
      await redis.start();
    }
    for (const s of servers) await waitFor("ready again", async () => (await readiness(s)).status === 200, CONVERGE_MS);
    await burst(5);
    await converged("after Redis came back");
  });

  it("PostgreSQL stopped for ~10 s: new rooms are refused with 1013, loaded rooms keep presence, edits are stored once it is back", async () => {
    await pgc.stop();
    const stoppedAt = Date.now();
    try {
      await whileDown(stoppedAt);
    } finally {
      await pgc.start();
    }
    await burst(3);
    await converged("after PostgreSQL came back");
  });

  const whileDown = async (stoppedAt: number) => {
    for (const s of servers)
      await waitFor("not ready without PostgreSQL", async () => (await readiness(s)).status === 503, CONVERGE_MS);
    const refused = await rawSocket(`${servers[1]?.syncUrl}/${newRoomId()}`);
    expect(await refused.closed).toBe(1013);
    // Room 1's first client moved to servers[1] after the kill; its third is on servers[2].
    const [a, ...peers] = clients[1] as [TestClient, TestClient, TestClient];
    a.provider.awareness.setLocalStateField("pointer", { x: 42, y: 1 });
    for (const peer of peers)
      await waitFor("presence still crosses servers", () => pointerX(peer, a) === 42, PRESENCE_MS);
    // Someone joining a room this server has open still gets in, and gets its content.
    const late = connectClient(servers[1]?.syncUrl ?? "", rooms[1] as string);
    try {
      await synced(late);
      expect(late.elements.size).toBeGreaterThan(0);
    } finally {
      late.destroy();
    }
    // Keep editing through the outage; nothing is relayed until it is stored.
    while (Date.now() - stoppedAt < 10_000) await burst(2);
  };

  it("every room, loaded afresh by a new server after all stopped, is exactly what its clients converged on", async () => {
    const expected = clients.map((roomClients) => content(roomClients[0] as TestClient));
    for (const c of clients.flat()) c.provider.disconnect();
    await Promise.all(servers.map((s) => s.stop("SIGTERM")));
    // A server that never held these rooms: all it can give is what the database has.
    servers.splice(0, SERVERS, await startServer());
    for (const room of rooms) {
      const fresh = connectClient((servers[0] as ChildServer).syncUrl, room);
      try {
        await synced(fresh);
        expect(content(fresh)).toBe(expected[rooms.indexOf(room)]);
      } finally {
        fresh.destroy();
      }
    }
  });
});
