/**
 * Sync server benchmark: our server (persisting every update to SQLite)
 * against the stock `@y/websocket-server` (no persistence), same load, same
 * run. Prints figures and ratios; never fails on timing.
 *
 *   npm run bench:sync -- [--rooms 500] [--seconds 30] [--workers 1]
 *
 * Load: R rooms × 2 stock y-websocket clients, each making 2 element edits/s
 * (a Y.Map set of an element-like object) and 20 awareness cursor moves/s,
 * from separate load processes. Measured: one-way propagation latency
 * (p50/p99, one clock per room), server event-loop lag and CPU over the
 * measured window, server RSS (idle, active, after the clients left).
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { formatStorageReport, storageReport } from "./sync/storage-report.ts";
import { merge, newHistogram, quantile, type LatencyHistogram } from "./sync/latency.ts";
import type { LoadClientConfig, LoadClientResult } from "./sync/load-client.ts";
import {
  cpuSeconds,
  rssBytes,
  scrapeHistogram,
  scrapeValue,
  startServerProcess,
  windowQuantile,
} from "./sync/processes.ts";
import { countFlag, positiveFlag } from "./flags.ts";

const repoRoot = resolve(import.meta.dirname, "../..");
const ROOMS = countFlag("rooms", 500);
const SECONDS = positiveFlag("seconds", 30);
const WORKERS = Math.min(ROOMS, countFlag("workers", 1));
const WARMUP_SECONDS = 3;
const UNLOAD_GRACE_MS = 1000;

interface Figures {
  edits: LatencyHistogram;
  cursors: LatencyHistogram;
  editsSent: number;
  cursorsSent: number;
  disconnects: number;
  loadLag: LatencyHistogram;
  lagP50: number;
  lagP99: number;
  cpuPercent: number;
  loadCpuPercent: number;
  /** Highest 1-minute load average seen while measuring: other work on the machine skews everything. */
  machineLoad: number;
  seconds: number;
  rssIdle: number;
  rssActive: number;
  rssAfter: number;
  roomsOpenAfter: number | null;
  appended: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const once = <T>(child: ChildProcess, pick: (m: unknown) => T | undefined, what: string, timeoutMs: number) =>
  new Promise<T>((resolvePick, reject) => {
    const timer = setTimeout(() => reject(new Error(`load process: no ${what} in ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: unknown) => {
      const v = pick(m);
      if (v === undefined) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolvePick(v);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`load process exited (${code}) before ${what}`)));
  });

async function runTarget(
  name: string,
  entry: string,
  env: Record<string, string>,
  persists: boolean,
): Promise<Figures> {
  process.stdout.write(`\n[${name}] starting server\n`);
  const server = await startServerProcess(entry, env);
  const workers: ChildProcess[] = [];
  try {
    await sleep(1000);
    const rssIdle = rssBytes(server.pid);
    const perWorker = Math.ceil(ROOMS / WORKERS);
    for (let w = 0; w < WORKERS; w++) {
      const config: LoadClientConfig = {
        syncUrl: `ws://127.0.0.1:${server.port}/sync`,
        roomPrefix: "benchroom-",
        firstRoom: w * perWorker,
        rooms: Math.min(perWorker, ROOMS - w * perWorker),
      };
      workers.push(
        fork(join(repoRoot, "tests/load/sync/load-client.ts"), [JSON.stringify(config)], {
          execArgv: ["--import", "tsx"],
          stdio: "inherit",
        }),
      );
    }
    await Promise.all(
      workers.map((w) => once(w, (m) => ((m as { ready?: boolean }).ready ? true : undefined), "ready", 120_000)),
    );
    process.stdout.write(
      `[${name}] ${ROOMS * 2} clients synced; ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s measured\n`,
    );

    const results = workers.map((w) =>
      once(w, (m) => (m as { result?: LoadClientResult }).result, "result", (WARMUP_SECONDS + SECONDS + 60) * 1000),
    );
    for (const w of workers) w.send({ start: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS } });
    await sleep(WARMUP_SECONDS * 1000);
    const lagBefore = await scrapeHistogram(server.port, "archboard_event_loop_lag_seconds");
    const cpuBefore = cpuSeconds(server.pid);
    const loadCpu = () => workers.reduce((n, w) => n + cpuSeconds(w.pid ?? 0), 0);
    const loadCpuBefore = loadCpu();
    const started = performance.now();
    let rssActive = 0;
    let machineLoad = 0;
    for (let t = 0; t < SECONDS; t += 5) {
      await sleep(Math.min(5, SECONDS - t) * 1000);
      rssActive = Math.max(rssActive, rssBytes(server.pid));
      machineLoad = Math.max(machineLoad, Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]));
    }
    const elapsed = (performance.now() - started) / 1000;
    const cpuPercent = ((cpuSeconds(server.pid) - cpuBefore) / elapsed) * 100;
    const loadCpuPercent = ((loadCpu() - loadCpuBefore) / elapsed) * 100;
    const lagAfter = await scrapeHistogram(server.port, "archboard_event_loop_lag_seconds");
    const appended = persists ? await scrapeValue(server.port, "archboard_sync_store_append_seconds_count") : null;
    const parts = await Promise.all(results);

    const exits = workers.map(
      (w) => new Promise<void>((done) => (w.exitCode !== null ? done() : w.once("exit", () => done()))),
    );
    for (const w of workers) w.send({ stop: true });
    await Promise.all(exits);
    await sleep(UNLOAD_GRACE_MS + 3000);
    const rssAfter = rssBytes(server.pid);
    const roomsOpenAfter = persists ? await scrapeValue(server.port, "archboard_sync_rooms_open") : null;

    const figures: Figures = {
      edits: newHistogram(),
      cursors: newHistogram(),
      loadLag: newHistogram(),
      editsSent: 0,
      cursorsSent: 0,
      disconnects: 0,
      lagP50: windowQuantile(lagBefore, lagAfter, 0.5) * 1000,
      lagP99: windowQuantile(lagBefore, lagAfter, 0.99) * 1000,
      cpuPercent,
      loadCpuPercent,
      machineLoad,
      seconds: elapsed,
      rssIdle,
      rssActive,
      rssAfter,
      roomsOpenAfter,
      appended,
    };
    for (const p of parts) {
      merge(figures.edits, p.edits);
      merge(figures.cursors, p.cursors);
      merge(figures.loadLag, p.ownLag);
      figures.editsSent += p.editsSent;
      figures.cursorsSent += p.cursorsSent;
      figures.disconnects += p.disconnects;
    }
    return figures;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await server.stop();
  }
}

const MiB = 1024 * 1024;
const fmt = (v: number | null, digits = 1) => (v === null || Number.isNaN(v) ? "n/a" : v.toFixed(digits));

function report(ours: Figures, ref: Figures): void {
  const rows: [string, number | null, number | null, number?][] = [
    ["edit latency p50 (ms)", quantile(ours.edits, 0.5), quantile(ref.edits, 0.5), 2],
    ["edit latency p99 (ms)", quantile(ours.edits, 0.99), quantile(ref.edits, 0.99), 2],
    ["edit latency max (ms)", ours.edits.max, ref.edits.max, 1],
    ["cursor latency p50 (ms)", quantile(ours.cursors, 0.5), quantile(ref.cursors, 0.5), 2],
    ["cursor latency p99 (ms)", quantile(ours.cursors, 0.99), quantile(ref.cursors, 0.99), 2],
    [`edits sent per second (nominal ${ROOMS * 4})`, ours.editsSent / ours.seconds, ref.editsSent / ref.seconds, 0],
    ["edits delivered (%)", (ours.edits.count / ours.editsSent) * 100, (ref.edits.count / ref.editsSent) * 100, 2],
    [
      "cursor moves delivered (%)",
      (ours.cursors.count / ours.cursorsSent) * 100,
      (ref.cursors.count / ref.cursorsSent) * 100,
      2,
    ],
    ["server event-loop lag p50 (ms)", ours.lagP50, ref.lagP50, 2],
    ["server event-loop lag p99 (ms)", ours.lagP99, ref.lagP99, 2],
    ["server CPU (% of one core)", ours.cpuPercent, ref.cpuPercent, 0],
    ["server RSS idle (MiB)", ours.rssIdle / MiB, ref.rssIdle / MiB, 1],
    ["server RSS active (MiB)", ours.rssActive / MiB, ref.rssActive / MiB, 1],
    [
      "server RSS per active room (KiB)",
      (ours.rssActive - ours.rssIdle) / ROOMS / 1024,
      (ref.rssActive - ref.rssIdle) / ROOMS / 1024,
      1,
    ],
    ["server RSS after clients left (MiB)", ours.rssAfter / MiB, ref.rssAfter / MiB, 1],
    ["load generator lag p99 (ms)", quantile(ours.loadLag, 0.99), quantile(ref.loadLag, 0.99), 1],
    ["load generator CPU (% of one core)", ours.loadCpuPercent, ref.loadCpuPercent, 0],
    ["machine load average, 1 min (max)", ours.machineLoad, ref.machineLoad, 2],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const lines = [`${"".padEnd(w)}  ${"archboard".padStart(10)}  ${"reference".padStart(10)}  ${"ratio".padStart(6)}`];
  for (const [label, a, b, digits] of rows) {
    const ratio = a !== null && b !== null && b !== 0 ? a / b : NaN;
    lines.push(
      `${label.padEnd(w)}  ${fmt(a, digits).padStart(10)}  ${fmt(b, digits).padStart(10)}  ${fmt(ratio, 2).padStart(6)}`,
    );
  }
  process.stdout.write(
    `\nsync benchmark: ${ROOMS} rooms × 2 clients, ${SECONDS} s measured, ${WORKERS} load process(es), ` +
      `node ${process.version}, ${availableParallelism()} CPUs\n`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(
    `archboard persisted ${ours.appended} updates (SQLite, WAL); rooms in memory after clients left: ${ours.roomsOpenAfter}; ` +
      `client disconnects while measuring: archboard ${ours.disconnects}, reference ${ref.disconnects}\n`,
  );
  const goal = quantile(ours.edits, 0.99) < 50 && quantile(ours.edits, 0.99) <= quantile(ref.edits, 0.99);
  process.stdout.write(`goal (edit p99 < 50 ms and no worse than the reference): ${goal ? "met" : "missed"}\n`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-bench-data-"));
  const webDist = mkdtempSync(join(tmpdir(), "archboard-bench-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>bench</title>");
  try {
    const ours = await runTarget(
      "archboard",
      "server/src/main.ts",
      { DATA_DIR: dataDir, WEB_DIST: webDist, LOG_FORMAT: "json", ROOM_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS) },
      true,
    );
    const ref = await runTarget("reference", "tests/load/sync/reference-server.ts", {}, false);
    report(ours, ref);
    // Our server has stopped, its rooms unloaded (each compacted on the way out).
    process.stdout.write(`${formatStorageReport(storageReport(dataDir))}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:sync: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
