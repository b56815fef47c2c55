/**
 * Memory soak: opens and closes the same stored rooms many times and asks
 * whether the server gives its memory back. Each cycle, N sockets (in a
 * separate process) open N stored rooms at once, receive each whole document,
 * and close; once the server has unloaded every room, a full garbage
 * collection runs in the server and its memory is read. Prints one row per
 * cycle and the trend over the last half of the cycles. Never fails on figures.
 *
 *   npm run soak:rooms -- [--rooms 500] [--cycles 20] [--elements 40]
 *
 * A live heap that stays flat while RSS climbs is the allocator keeping pages
 * it may reuse, not a leak; a live heap that climbs cycle after cycle is a
 * leak (rooms, documents or sockets still referenced after they closed).
 */
import { fork } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startChildServer, type ChildServer } from "@archboard/server/testing/child-server";
import type { MemoryFigures } from "./sync/memory-probe.ts";
import { scrapeValue } from "./sync/processes.ts";
import { seedRooms } from "./sync/seed-rooms.ts";
import { countFlag } from "./flags.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const ROOMS = countFlag("rooms", 500);
const CYCLES = countFlag("cycles", 20);
const ELEMENTS = countFlag("elements", 40);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** The server's memory after a full collection (see `memory-probe.ts`). */
function memoryOf(server: ChildServer): Promise<MemoryFigures> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      stop();
      fail(new Error("the memory probe did not answer in 60 s"));
    }, 60_000);
    const stop = server.onMessage((m) => {
      const memory = (m as { memory?: MemoryFigures } | null)?.memory;
      if (!memory) return;
      clearTimeout(timer);
      stop();
      done(memory);
    });
    server.send("memory");
  });
}

/** One cycle's sockets: a fresh opener process opens every room, then closes its sockets and exits. */
async function openAndClose(syncUrl: string, rooms: string[]): Promise<number> {
  const opener = fork(join(repoRoot, "tests/load/sync/room-opener.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: "inherit",
  });
  const exited = new Promise<void>((done) => opener.once("exit", () => done()));
  try {
    await new Promise<void>((done) => opener.once("message", () => done()));
    const opened = new Promise<number>((done) =>
      opener.on("message", (m: { opened?: { totalMs: number } }) => m.opened && done(m.opened.totalMs)),
    );
    opener.send({ open: { syncUrl, rooms } });
    const ms = await opened;
    opener.send({ close: true });
    await exited;
    return ms;
  } finally {
    if (opener.exitCode === null) opener.kill();
  }
}

/** Waits until the server holds no room in memory (the unload grace is short here). */
async function allUnloaded(port: number): Promise<void> {
  while ((await scrapeValue(port, "archboard_sync_rooms_open")) > 0) await sleep(100);
}

/** Least-squares slope of `ys` against their index. */
function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-soak-"));
  const webDist = mkdtempSync(join(tmpdir(), "archboard-soak-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Archboard</title>");
  const { rooms, bytesEach } = await seedRooms(dataDir, ROOMS, ELEMENTS);
  const server = await startChildServer({
    dataDir,
    webDist,
    env: { ROOM_UNLOAD_GRACE_MS: "200" },
    preload: ["tests/load/sync/memory-probe.ts"],
  });
  const rows: (MemoryFigures & { cycle: number; openMs: number })[] = [];
  try {
    const start = await memoryOf(server);
    process.stdout.write(
      [
        `memory soak: ${CYCLES} cycles of ${ROOMS} stored rooms (${ELEMENTS} elements, ${bytesEach} bytes each) opened at once and closed`,
        `after start: RSS ${mib(start.rss)} MiB, live heap ${mib(start.heapUsed)} MiB`,
        `cycle  open ms  rooms left   RSS MiB  live heap MiB  external MiB  array buffers MiB`,
        ``,
      ].join("\n"),
    );
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const openMs = await openAndClose(server.syncUrl, rooms);
      await allUnloaded(server.port);
      const left = await scrapeValue(server.port, "archboard_sync_rooms_open");
      const m = await memoryOf(server);
      rows.push({ ...m, cycle, openMs });
      process.stdout.write(
        `${String(cycle).padStart(5)} ${openMs.toFixed(0).padStart(8)} ${String(left).padStart(11)} ${mib(m.rss).padStart(9)} ${mib(m.heapUsed).padStart(14)} ${mib(m.external).padStart(13)} ${mib(m.arrayBuffers).padStart(18)}\n`,
      );
    }
    const late = rows.slice(Math.floor(rows.length / 2));
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    process.stdout.write(
      [
        ``,
        `live heap: cycle 1 ${mib(first.heapUsed)} MiB → cycle ${last.cycle} ${mib(last.heapUsed)} MiB; trend over the last ${late.length} cycles ${(slope(late.map((r) => r.heapUsed)) / 1024).toFixed(1)} KiB per cycle`,
        `RSS:       cycle 1 ${mib(first.rss)} MiB → cycle ${last.cycle} ${mib(last.rss)} MiB; trend over the last ${late.length} cycles ${(slope(late.map((r) => r.rss)) / 1024).toFixed(1)} KiB per cycle`,
        `machine load average: ${load}`,
        ``,
      ].join("\n"),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
