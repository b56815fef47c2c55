/**
 * Room-opening storm: N sockets each open a different stored room at the same
 * moment, while two stock clients keep editing another room. Prints how long
 * the storm took, what one edit in the other room waited meanwhile (the goal:
 * under 250 ms at worst), the server's event-loop delay and where its time
 * went (store loads from `/metrics`). Never fails on timing.
 *
 *   npm run bench:rooms -- [--rooms 1000] [--elements 40]
 *
 * With `ARCHBOARD_PROFILE=<file>.cpuprofile` the server's main thread is
 * profiled during the storm (open the file in Chrome DevTools).
 *
 * Rooms are seeded into a fresh `rooms.sqlite` before the server starts, each
 * a board of `--elements` elements, so every open is a real load from SQLite.
 * The sockets run in a separate process (`sync/room-opener.ts`), so the
 * honest room's timings are not skewed by this process being busy.
 */
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { newRoomId } from "@archboard/protocol";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { scrapeHistogram } from "./sync/processes.ts";
import { startProbedServer } from "./sync/probed-server.ts";
import { seedRooms } from "./sync/seed-rooms.ts";
import { countFlag } from "./flags.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const ROOMS = countFlag("rooms", 1000);
const ELEMENTS = countFlag("elements", 40);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const ms = (v: number) => `${v.toFixed(0)} ms`;

/** A writer and a reader in one room: one edit every 50 ms, each edit's arrival time recorded. */
function honestPair(syncUrl: string) {
  const opts = { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true };
  const room = newRoomId();
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const a = new WebsocketProvider(syncUrl, room, docA, opts);
  const b = new WebsocketProvider(syncUrl, room, docB, opts);
  const sent = new Map<string, number>();
  let waits: { at: number; ms: number }[] = [];
  docB.getMap("elements").observe((e) => {
    const now = performance.now();
    for (const key of e.keysChanged as Set<string>) {
      const at = sent.get(key);
      if (at !== undefined) waits.push({ at, ms: now - at });
    }
  });
  let seq = 0;
  const timer = setInterval(() => {
    const key = `e${++seq}`;
    sent.set(key, performance.now());
    docA.getMap("elements").set(key, { id: key, type: "rectangle", version: 1, x: seq });
  }, 50);
  return {
    ready: async () => {
      while (!a.synced || !b.synced) await sleep(20);
    },
    /** Waits for edits sent between `from` and `to` (performance.now()). */
    between: (from: number, to: number) => waits.filter((w) => w.at >= from && w.at <= to).map((w) => w.ms),
    reset: () => (waits = []),
    stop() {
      clearInterval(timer);
      a.destroy();
      b.destroy();
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-bench-rooms-"));
  const webDist = mkdtempSync(join(tmpdir(), "archboard-bench-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Archboard</title>");
  const seedStarted = performance.now();
  const { rooms, bytesEach: updateBytes } = await seedRooms(dataDir, ROOMS, ELEMENTS);
  process.stdout.write(
    `seeded ${ROOMS} rooms of ${ELEMENTS} elements (${updateBytes} bytes each) in ${ms(performance.now() - seedStarted)}\n`,
  );

  const server = await startProbedServer({ dataDir, webDist, env: { ROOM_UNLOAD_GRACE_MS: "600000" } });
  const opener = fork(join(repoRoot, "tests/load/sync/room-opener.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
  });
  const syncUrl = `ws://127.0.0.1:${server.port}/sync`;
  const pair = honestPair(syncUrl);
  try {
    await new Promise<void>((done) => opener.once("message", () => done()));
    await pair.ready();
    await sleep(1000);
    pair.reset();
    await server.loopDelay();
    const loadBefore = await scrapeHistogram(server.port, "archboard_sync_store_load_seconds");
    const profile = process.env.ARCHBOARD_PROFILE;
    if (profile) server.startProfile();
    const started = performance.now();
    const opened = new Promise<{ ms: number[]; totalMs: number }>((done) =>
      opener.on("message", (m: { opened?: { ms: number[]; totalMs: number } }) => m.opened && done(m.opened)),
    );
    opener.send({ open: { syncUrl, rooms } });
    const result = await opened;
    const ended = performance.now();
    await sleep(1000); // edits sent during the storm arrive
    if (profile) await server.stopProfile(resolve(profile));
    const loop = await server.loopDelay();
    const loadAfter = await scrapeHistogram(server.port, "archboard_sync_store_load_seconds");
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    const sum = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1] ?? NaN);
    const waits = pair.between(started, ended).sort((x, y) => x - y);
    const perSocket = result.ms.slice().sort((x, y) => x - y);
    const loads = (loadAfter.at(-1)?.count ?? 0) - (loadBefore.at(-1)?.count ?? 0);
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    process.stdout.write(
      [
        `${ROOMS} sockets opening ${ROOMS} stored rooms at once: all synced in ${ms(result.totalMs)}`,
        `  per socket, connect → whole document: p50 ${ms(q(perSocket, 0.5))}, p99 ${ms(q(perSocket, 0.99))}, max ${ms(perSocket.at(-1) ?? NaN)}`,
        `  another room's edits meanwhile (${waits.length}): p50 ${ms(q(waits, 0.5))}, max ${ms(waits.at(-1) ?? NaN)} (goal: max < 250 ms)`,
        `  server event loop: max delay ${ms(loop.maxMs)}, p99 ${ms(loop.p99Ms)}`,
        `  store loads: ${loads}, ${(sum("archboard_sync_store_load_seconds_sum") * 1000).toFixed(0)} ms in total`,
        `  machine load average: ${load}`,
        ``,
      ].join("\n"),
    );
  } finally {
    pair.stop();
    opener.send({ close: true });
    await new Promise<void>((done) => (opener.exitCode !== null ? done() : opener.once("exit", () => done())));
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
