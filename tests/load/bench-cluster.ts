/**
 * Cluster benchmark: two server processes on one PostgreSQL and one Redis.
 * In the same run, a pair of stock clients on one server and a pair split
 * across the two servers take turns editing; each edit is timed from the
 * writer's change to the reader seeing it. Then the PostgreSQL store's append
 * latency is measured beside the SQLite store's. Prints p50/p99 of each and
 * how many documents diverged (the goal: none, and cross-server p99 within
 * 1.5x same-server p99). Never fails on timing.
 *
 *   npm run bench:cluster -- [--edits 400] [--appends 1000]
 *
 * PostgreSQL runs with fsync on, as in production; SQLite as the server runs it
 * (WAL, synchronous=NORMAL: commits are not fsynced one by one).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newRoomId } from "@archboard/protocol";
import { startChildServer, type ChildServer } from "@archboard/server/testing/child-server";
import { startPostgres } from "@archboard/server/testing/postgres";
import { startRedis } from "@archboard/server/testing/redis";
import { PostgresRoomStore } from "@archboard/server/store/pg-store";
import { SqliteRoomStore } from "@archboard/server/store/sqlite-store";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { countFlag } from "./flags.ts";

const EDITS = countFlag("edits", 400);
const APPENDS = countFlag("appends", 1000);
const WARMUP = 30;

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const line = (label: string, xs: number[]) =>
  `${label.padEnd(34)} p50 ${quantile(xs, 0.5).toFixed(2).padStart(7)} ms   p99 ${quantile(xs, 0.99).toFixed(2).padStart(7)} ms   max ${Math.max(
    ...xs,
  )
    .toFixed(2)
    .padStart(7)} ms`;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  elements: Y.Map<unknown>;
}

function connect(server: ChildServer, room: string): Promise<Client> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return new Promise((resolve) => {
    provider.once("sync", () => resolve({ doc, provider, elements: doc.getMap("elements") }));
  });
}

/** Sets one element on the writer and resolves with the ms until the reader has it. */
function timedEdit(writer: Client, reader: Client, key: string): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const seen = () => {
      if (!reader.elements.has(key)) return;
      reader.elements.unobserve(seen);
      resolve(performance.now() - started);
    };
    reader.elements.observe(seen);
    writer.elements.set(key, { id: key, type: "rectangle", x: 10, y: 20, width: 100, height: 50, version: 1 });
  });
}

/** One element's update, as an edit produces it. */
function sampleUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getMap("elements").set(`e${i}`, { id: `e${i}`, x: i, y: 2 * i, version: i });
  return out;
}

async function appendLatency(
  store: { append: (d: never, u: Uint8Array) => Promise<void> },
  updates: Uint8Array[],
): Promise<number[]> {
  const room = newRoomId() as never;
  const out: number[] = [];
  for (const u of updates) {
    const started = performance.now();
    await store.append(room, u);
    out.push(performance.now() - started);
  }
  return out;
}

async function main() {
  const web = mkdtempSync(join(tmpdir(), "archboard-bench-web-"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>Archboard</title>");
  const data = mkdtempSync(join(tmpdir(), "archboard-bench-data-"));
  const [pg, redis] = await Promise.all([startPostgres({ fsync: true }), startRedis()]);
  const servers: ChildServer[] = [];
  const clients: Client[] = [];
  try {
    const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, ARCHBOARD_SECRET: randomBytes(24).toString("hex") };
    servers.push(...(await Promise.all([0, 1].map(() => startChildServer({ webDist: web, env })))));
    const [a, b] = servers as [ChildServer, ChildServer];
    const [sameRoom, crossRoom] = [newRoomId(), newRoomId()];
    const pairs = {
      same: [await connect(a, sameRoom), await connect(a, sameRoom)] as const,
      cross: [await connect(a, crossRoom), await connect(b, crossRoom)] as const,
    };
    clients.push(...pairs.same, ...pairs.cross);
    const times = { same: [] as number[], cross: [] as number[] };
    for (let i = 0; i < WARMUP + EDITS; i++) {
      // Turns alternate, so both pairs see the same machine at the same moments.
      for (const kind of i % 2 ? (["cross", "same"] as const) : (["same", "cross"] as const)) {
        const [writer, reader] = i % 4 < 2 ? pairs[kind] : [pairs[kind][1], pairs[kind][0]];
        const ms = await timedEdit(writer, reader, `e${i}`);
        if (i >= WARMUP) times[kind].push(ms);
      }
    }
    const state = (c: Client) => {
      const all = c.elements.toJSON() as Record<string, unknown>;
      return JSON.stringify(
        Object.keys(all)
          .sort()
          .map((k) => [k, all[k]]),
      );
    };
    let diverged = 0;
    for (const [room, [x, y]] of [
      [sameRoom, pairs.same],
      [crossRoom, pairs.cross],
    ] as const) {
      const fresh = await connect(b, room);
      clients.push(fresh);
      if (state(x) !== state(y) || state(x) !== state(fresh)) diverged++;
    }

    const updates = sampleUpdates(APPENDS);
    const pgStore = new PostgresRoomStore(pg.url, { poolSize: 2 });
    await pgStore.ready;
    const sqlite = new SqliteRoomStore(data);
    const pgTimes = await appendLatency(pgStore, updates);
    const sqliteTimes = await appendLatency(sqlite, updates);
    await Promise.all([pgStore.close(), sqlite.close()]);

    console.log(`\n${EDITS} edits per pair, 2 servers, PostgreSQL + Redis on loopback`);
    console.log(line("edit, pair on one server", times.same));
    console.log(line("edit, pair across two servers", times.cross));
    console.log(
      `cross/same p99 ratio                ${(quantile(times.cross, 0.99) / quantile(times.same, 0.99)).toFixed(2)}x (goal: at most 1.5x)`,
    );
    console.log(`documents diverged                  ${diverged} of 2 (each pair and a fresh client)`);
    console.log(`\n${APPENDS} sequential appends of one edit (${updates[0]?.byteLength ?? 0} bytes)`);
    console.log(line("append, PostgreSQL (fsync on)", pgTimes));
    console.log(line("append, SQLite (WAL, NORMAL)", sqliteTimes));
  } finally {
    for (const c of clients) {
      c.provider.destroy();
      c.doc.destroy();
    }
    await Promise.all(servers.map((s) => s.stop()));
    await Promise.allSettled([pg.destroy(), redis.destroy()]);
    rmSync(web, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
