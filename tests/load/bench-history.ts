/**
 * Board history benchmark: a 45-minute session of 20,000 changes on a
 * 1,000-element board, stored as the server stores it (a real SQLite file,
 * a checkpoint at every compaction, every 500 changes) and as the browser
 * does (the same entries). Prints:
 *
 * - rebuilding the board at random moments (history read + merge + the
 *   board's elements read out, as the History panel does for each scrubber
 *   frame): median and p95, server store;
 * - the same rebuild from the entries in memory (the browser's CPU part; its
 *   IndexedDB read is not timed here);
 * - stored bytes: history (updates + checkpoints) against the merged board,
 *   and bytes per hour of drawing, fresh and after a day's thinning.
 *
 * Session times are simulated (a moving clock), so the run takes seconds.
 * Not a test: it never fails on timing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { readScene } from "@archboard/board-sync";
import { docAt, type HistoryEntry } from "@archboard/board-sync/history";
import { newRoomId } from "@archboard/protocol";
import { SqliteRoomStore, cleanState } from "@archboard/server/store/sqlite-store";
import * as Y from "yjs";
import { syntheticScene } from "./synthetic-scene.ts";

const UPDATES = 20_000;
const ELEMENTS = 1_000;
const SESSION_MS = 45 * 60_000;
const COMPACT_EVERY = 500;
const SAMPLES = 100;

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

interface Timing {
  wall: number;
  cpu: number;
}

/** Wall and process CPU time (ms) of one run: on a shared machine wall time also counts waits for a core. */
async function timed(run: () => Promise<void>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** "median X ms (CPU Y ms), p95 Z ms" of a set of timings. */
function summary(timings: readonly Timing[]): string {
  const wall = timings.map((t) => t.wall).sort((a, b) => a - b);
  const cpu = timings.map((t) => t.cpu).sort((a, b) => a - b);
  return `median ${quantile(wall, 0.5).toFixed(1)} ms (CPU ${quantile(cpu, 0.5).toFixed(1)} ms), p95 ${quantile(wall, 0.95).toFixed(1)} ms`;
}

/** A seeded PRNG, so runs compare. */
function mulberry(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "archboard-bench-history-"));
  const realNow = Date.now;
  let clock = Date.UTC(2026, 0, 12, 10, 0);
  Date.now = () => clock;
  const store = new SqliteRoomStore(dir);
  const room = newRoomId();
  const doc = new Y.Doc();
  const elements = doc.getMap<unknown>("elements");
  const scene = syntheticScene(ELEMENTS * 1.2).slice(0, ELEMENTS);
  const rand = mulberry(7);
  const memory: HistoryEntry[] = [];
  let pendingUpdate: Uint8Array | null = null;
  doc.on("update", (u: Uint8Array) => (pendingUpdate = u));

  // The session: the board is drawn element by element, then edited: moves, resizes, relabels.
  const t0 = clock;
  for (let i = 0; i < UPDATES; i++) {
    clock = t0 + Math.floor((i / UPDATES) * SESSION_MS);
    if (i < ELEMENTS) {
      const el = scene[i]!;
      elements.set(el.id, { ...el, version: 1 });
    } else {
      const el = scene[Math.floor(rand() * scene.length)]!;
      const cur = elements.get(el.id) as { version: number; x: number; y: number; width: number };
      const change = rand();
      elements.set(el.id, {
        ...cur,
        version: cur.version + 1,
        versionNonce: Math.floor(rand() * 2 ** 31),
        x: change < 0.6 ? cur.x + Math.round(rand() * 20 - 10) : cur.x,
        y: change < 0.6 ? cur.y + Math.round(rand() * 20 - 10) : cur.y,
        width: change >= 0.6 && change < 0.9 ? cur.width + 5 : cur.width,
        updated: clock,
      });
    }
    const update = pendingUpdate as unknown as Uint8Array;
    await store.append(room, update);
    memory.push({ at: clock, kind: "update", bytes: update });
    if ((i + 1) % COMPACT_EVERY === 0) {
      await store.compact(room);
      memory.push({ at: clock, kind: "checkpoint", bytes: Y.encodeStateAsUpdate(doc) });
    }
  }
  const end = clock;

  // Rebuild at random moments: server store (SQLite read + merge + read the scene) and in memory.
  const server: Timing[] = [];
  const browser: Timing[] = [];
  for (let s = 0; s < SAMPLES + 10; s++) {
    const at = t0 + Math.floor(rand() * (end - t0));
    const serverRun = timed(async () => {
      const past = docAt(await store.historyAt(room, at), at);
      readScene(past);
      past.destroy();
    });
    const serverTiming = await serverRun;
    const browserTiming = await timed(async () => {
      const past = docAt(memory, at);
      readScene(past);
      past.destroy();
    });
    // The first runs warm the code up.
    if (s >= 10) {
      server.push(serverTiming);
      browser.push(browserTiming);
    }
  }

  const points = await store.historyPoints(room);
  const live = (await store.load(room)).updates.length;
  const merged = cleanState([Y.encodeStateAsUpdate(doc)]).byteLength;
  // Sizes as stored: the rows in the SQLite file, by kind.
  const sizeOf = async () => {
    const db = new Database(join(dir, "rooms.sqlite"), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT kind, COUNT(*) AS n, SUM(length(bytes)) AS bytes FROM updates WHERE room = ? GROUP BY kind")
        .all(room) as { kind: number; n: number; bytes: number }[];
      const of = (kind: number) => rows.find((r) => r.kind === kind);
      const updates = of(0)?.bytes ?? 0;
      const checkpoints = of(1)?.bytes ?? 0;
      return { updates, checkpoints, total: updates + checkpoints, points: (of(0)?.n ?? 0) + (of(1)?.n ?? 0) };
    } finally {
      db.close();
    }
  };
  const fresh = await sizeOf();
  // A day and a half later, one more change and a compaction thin the session to a point per minute.
  clock = end + 36 * 3_600_000;
  elements.set("late", { id: "late", version: 1 });
  await store.append(room, pendingUpdate as unknown as Uint8Array);
  await store.append(room, pendingUpdate as unknown as Uint8Array);
  await store.compact(room);
  const thinned = await sizeOf();
  await store.close();
  Date.now = realNow;
  rmSync(dir, { recursive: true, force: true });

  const hours = SESSION_MS / 3_600_000;
  console.log(
    `board history: ${UPDATES} changes over 45 min on a ${ELEMENTS}-element board (load average ${loadavg()[0]?.toFixed(1)})`,
  );
  console.log(
    `  stored points: ${points.length} (${points.filter((p) => p.kind === "checkpoint").length} checkpoints); rows a load reads: ${live}`,
  );
  console.log(`  rebuild at a random moment, server store (SQLite read, apply, scene read): ${summary(server)}`);
  console.log(`  rebuild at a random moment, entries in memory (the browser's CPU part): ${summary(browser)}`);
  console.log(`  merged board: ${kib(merged)}`);
  for (const [label, s] of [
    ["fresh (every change kept)", fresh],
    ["after a day (a point per minute)", thinned],
  ] as const) {
    console.log(
      `  ${label}: ${s.points} points, updates ${kib(s.updates)} + checkpoints ${kib(s.checkpoints)} = ${kib(s.total)}; ` +
        `updates / merged board = ${(s.updates / merged).toFixed(2)}×, total / (merged + checkpoints) = ${(s.total / (merged + s.checkpoints)).toFixed(2)}×; ` +
        `${kib(s.total / hours)} per hour of drawing`,
    );
  }
}

await main();
