import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { startChildServer } from "../testing/child-server.ts";
import { freePort, startPostgres, type PostgresCluster } from "../testing/postgres.ts";
import { docFromUpdates, edits, snapshot, waitFor } from "../testing/sync-clients.ts";
import { stubWebDist, tempDir } from "../testing/test-server.ts";
import { databaseUrlFor, SHARED_TEST_SECRET } from "../testing/test-store.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "./pg-migrations.ts";
import { describeDatabase, PostgresRoomStore } from "./pg-store.ts";

// What only the PostgreSQL store has: versioned migrations, several servers on one database, outages.
describe("PostgresRoomStore", { timeout: 60_000 }, () => {
  const dirs: { remove: () => void }[] = [];
  const stores: PostgresRoomStore[] = [];
  const open = async (url: string) => {
    const s = new PostgresRoomStore(url, { poolSize: 4 });
    stores.push(s);
    await s.ready;
    return s;
  };
  const freshUrl = () => {
    const dir = tempDir("archboard-pg-store-");
    dirs.push(dir);
    return databaseUrlFor(dir.path);
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close().catch(() => undefined);
    for (const d of dirs.splice(0)) d.remove();
  });

  it("migrates a new database once, records the version, and refuses one a newer server migrated", async () => {
    const url = await freshUrl();
    await open(url);
    await open(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>("SELECT version FROM archboard_migrations");
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(rows.at(-1)?.version).toBe(SCHEMA_VERSION);
      await client.query("INSERT INTO archboard_migrations (version, name) VALUES (99, 'from the future')");
    } finally {
      await client.end();
    }
    const refused = new PostgresRoomStore(url, { poolSize: 1 });
    stores.push(refused);
    await expect(refused.ready).rejects.toThrow(
      new RegExp(`has schema version 99; this server knows up to ${SCHEMA_VERSION} \\(upgrade it\\)`),
    );
  });

  it("two servers compacting one room at once keep every row, including ones appended meanwhile", async () => {
    const url = await freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const room = newRoomId();
    const doc = new Y.Doc();
    for (const u of edits(doc, 300)) await a.append(room, u);
    const late = edits(doc, 60, 300);
    const appending = (async () => {
      for (const u of late) await b.append(room, u);
    })();
    const results = await Promise.all([a.compact(room), b.compact(room), a.compact(room)]);
    await appending;
    expect(results.some((r) => r !== null)).toBe(true);
    expect(snapshot(docFromUpdates((await b.load(room)).updates))).toEqual(snapshot(doc));
    await a.compact(room);
    const merged = await a.load(room);
    expect(merged.updates).toHaveLength(1);
    expect(snapshot(docFromUpdates(merged.updates))).toEqual(snapshot(doc));
  });

  it("names the database without its password when it cannot reach it, and the server does not start", async () => {
    const port = await freePort();
    const url = `postgres://archboard:hunter2-secret@127.0.0.1:${port}/rooms`;
    expect(describeDatabase(url)).toBe(`postgres://archboard@127.0.0.1:${port}/rooms`);
    const store = new PostgresRoomStore(url, { poolSize: 1 });
    stores.push(store);
    await expect(store.ready).rejects.toThrow(
      new RegExp(`cannot use the database postgres://archboard@127\\.0\\.0\\.1:${port}/rooms: .*ECONNREFUSED`),
    );
    const web = stubWebDist();
    try {
      const start = startChildServer({
        webDist: web.path,
        env: { DATABASE_URL: url, ARCHBOARD_SECRET: SHARED_TEST_SECRET },
      });
      await expect(start).rejects.toThrow(
        /exited \(1\) before listening: archboard: cannot use the database .*ECONNREFUSED/,
      );
      await expect(start).rejects.not.toThrow(/hunter2/);
    } finally {
      web.remove();
    }
  });

  describe("while PostgreSQL is down", () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgres();
    });
    afterAll(async () => {
      await cluster?.destroy();
    });

    it("reports not ready and fails appends, then recovers by itself when it is back", async () => {
      const store = await open(cluster.url);
      const room = newRoomId();
      // Three writers, so no update depends on another.
      const [first, second, third] = [0, 1, 2].map((i) => edits(new Y.Doc(), 1, i)[0] as Uint8Array) as [
        Uint8Array,
        Uint8Array,
        Uint8Array,
      ];
      await store.append(room, first);
      expect(await store.health()).toEqual({ ok: true });

      await cluster.stop();
      expect((await store.health()).error).toMatch(
        /^reading postgres:\/\/archboard@127\.0\.0\.1:\d+\/postgres failed: /,
      );
      await expect(store.append(room, second)).rejects.toThrow();
      expect((await store.health()).ok).toBe(false);

      await cluster.start();
      // The pool drops the connections the restart cut and opens new ones; no restart of ours.
      await waitFor(
        "an append succeeds again",
        () =>
          store.append(room, third).then(
            () => true,
            () => false,
          ),
        30_000,
      );
      expect(await store.health()).toEqual({ ok: true });
      const stored = docFromUpdates((await store.load(room)).updates).getMap("elements");
      // What was acknowledged is there; what failed was never acknowledged.
      expect([...stored.keys()].sort()).toEqual(["e0", "e2"]);
    });
  });
});
