/**
 * One run of `npm run bench:sync`: start one server under test as its own
 * process (loopback, ephemeral port, fresh data folder), start the load
 * processes, measure a window, stop everything. Whatever it starts is
 * stopped on the way out, on error too; {@link stopEverything} does the same
 * from a signal handler.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ChildServer } from "@archboard/server/testing/child-server";
import { merge, newHistogram, quantile } from "./latency.ts";
import type { LoadClientConfig, LoadClientResult } from "./load-client.ts";
import { judgeRun, type GeneratorFigures, type LoadShape, type Validity } from "./judgement.ts";
import { cpuSeconds, rssBytes, scrapeHistogram, scrapeValue, startServerProcess, windowQuantile } from "./processes.ts";
import type { ClientProtocol } from "./providers.ts";
import { formatStorageReport, storageReport } from "./storage-report.ts";

const repoRoot = resolve(import.meta.dirname, "../../..");
/** Our server keeps an empty room this long before unloading it. */
const UNLOAD_GRACE_MS = 1000;
const MiB = 1024 * 1024;

/** The servers under test. */
export const SERVERS = {
  /** Ours, from source through tsx like the others (start-up cost is not measured here), persisting to SQLite. */
  archboard: { entry: "server/src/main.ts", protocol: "y-websocket", path: "/sync" },
  /** The stock `@y/websocket-server@0.1.1` handler, no persistence. */
  stock: { entry: "tests/load/sync/reference-server.ts", protocol: "y-websocket", path: "/sync" },
  /** `@hocuspocus/server` 4.7 with its SQLite extension, driven by its own provider. */
  hocuspocus: { entry: "tests/load/sync/hocuspocus-server.ts", protocol: "hocuspocus", path: "" },
} as const satisfies Record<string, { entry: string; protocol: ClientProtocol; path: string }>;
export type ServerName = keyof typeof SERVERS;

export interface RunPlan {
  server: ServerName;
  load: LoadShape;
  workers: number;
  seconds: number;
  warmupSeconds: number;
  /** Serve the servers' `crypto.getRandomValues` from a pool (`pooled-random.ts`). */
  pooledRandom: boolean;
}

/** What one run measured; latencies in ms, CPU in % of one core. */
export interface RunFigures {
  server: ServerName;
  editP50: number;
  editP99: number;
  cursorP99: number;
  editsPerSecond: number;
  editsDelivered: number;
  cursorsDelivered: number;
  serverCpu: number;
  serverLagP99: number;
  rssIdleMiB: number;
  rssActiveMiB: number;
  generators: GeneratorFigures[];
  validity: Validity;
  /** CPU the rest of the machine (other people's work) used over the window, % of one core. */
  otherCpu: number;
  machineLoad: number;
  disconnects: number;
  /** Our server only: its store after the run, one line. */
  storage?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const live = {
  stopping: false,
  servers: new Set<ChildServer>(),
  workers: new Set<ChildProcess>(),
  dirs: new Set<string>(),
};

/** Kills every load process, stops every server and removes their folders (for Ctrl+C). */
export async function stopEverything(): Promise<void> {
  // The sweep's loop keeps going while the servers stop; no new run may start behind this.
  live.stopping = true;
  for (const w of live.workers) w.kill("SIGKILL");
  await Promise.all([...live.servers].map((s) => s.stop()));
  for (const d of live.dirs) rmSync(d, { recursive: true, force: true });
}

/** Busy CPU seconds of the whole machine (all cores) from `/proc/stat`. */
function machineBusySeconds(): number {
  const f = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = f;
  return (user + nice + system + irq + softirq + steal) / 100;
}

function message<T>(child: ChildProcess, pick: (m: unknown) => T | undefined, what: string, timeoutMs: number) {
  return new Promise<T>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`load process: no ${what} in ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: unknown) => {
      const v = pick(m);
      if (v === undefined) return;
      clearTimeout(timer);
      child.off("message", onMessage);
      done(v);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => fail(new Error(`load process exited (${code}) before ${what}`)));
  });
}

function startWorkers(plan: RunPlan, url: string): ChildProcess[] {
  const perWorker = Math.ceil(plan.load.rooms / plan.workers);
  const workers: ChildProcess[] = [];
  for (let w = 0; w * perWorker < plan.load.rooms; w++) {
    const config: LoadClientConfig = {
      ...plan.load,
      protocol: SERVERS[plan.server].protocol,
      syncUrl: url,
      roomPrefix: "benchroom-",
      firstRoom: w * perWorker,
      rooms: Math.min(perWorker, plan.load.rooms - w * perWorker),
    };
    const child = fork(join(repoRoot, "tests/load/sync/load-client.ts"), [JSON.stringify(config)], {
      execArgv: ["--import", "tsx"],
      stdio: "inherit",
    });
    live.workers.add(child);
    child.once("exit", () => live.workers.delete(child));
    workers.push(child);
  }
  return workers;
}

/** Runs one server under one load and returns what was measured. */
export async function runTarget(plan: RunPlan): Promise<RunFigures> {
  if (live.stopping) throw new Error("stopping: no new run");
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-bench-data-"));
  live.dirs.add(dataDir);
  const { entry, path } = SERVERS[plan.server];
  // Our server refuses to start without a web app to serve; a one-line page stands in for it.
  const webDist = join(dataDir, "web");
  mkdirSync(webDist);
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>bench</title>");
  const env = { DATA_DIR: dataDir, WEB_DIST: webDist, ROOM_UNLOAD_GRACE_MS: `${UNLOAD_GRACE_MS}` };
  const server = await startServerProcess(entry, env, plan.pooledRandom ? ["tests/load/sync/pooled-random.ts"] : []);
  live.servers.add(server);
  let workers: ChildProcess[] = [];
  try {
    await sleep(1000);
    const rssIdle = rssBytes(server.pid);
    workers = startWorkers(plan, `ws://127.0.0.1:${server.port}${path}`);
    await Promise.all(
      workers.map((w) => message(w, (m) => ((m as { ready?: true }).ready ? true : undefined), "ready", 180_000)),
    );
    const results = workers.map((w) =>
      message(
        w,
        (m) => (m as { result?: LoadClientResult }).result,
        "result",
        (plan.warmupSeconds + plan.seconds + 60) * 1000,
      ),
    );
    for (const w of workers) w.send({ start: { seconds: plan.seconds, warmupSeconds: plan.warmupSeconds } });
    await sleep(plan.warmupSeconds * 1000);
    const lagBefore = await scrapeHistogram(server.port, "archboard_event_loop_lag_seconds");
    const loadCpu = () => workers.reduce((n, w) => n + cpuSeconds(w.pid ?? 0), 0);
    const before = {
      server: cpuSeconds(server.pid),
      load: loadCpu(),
      machine: machineBusySeconds(),
      self: process.cpuUsage(),
    };
    const started = performance.now();
    let rssActive = 0;
    let machineLoad = 0;
    for (let t = 0; t < plan.seconds; t += 5) {
      await sleep(Math.min(5, plan.seconds - t) * 1000);
      rssActive = Math.max(rssActive, rssBytes(server.pid));
      machineLoad = Math.max(machineLoad, Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]));
    }
    const elapsed = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(server.pid) - before.server;
    const self = process.cpuUsage(before.self);
    const ours = serverCpu + (loadCpu() - before.load) + (self.user + self.system) / 1e6;
    const otherCpu = ((machineBusySeconds() - before.machine - ours) / elapsed) * 100;
    const lagAfter = await scrapeHistogram(server.port, "archboard_event_loop_lag_seconds");
    const parts = await Promise.all(results);
    for (const w of workers) w.send({ stop: true });
    await Promise.all(
      workers.map((w) => new Promise<void>((done) => (w.exitCode !== null ? done() : w.once("exit", () => done())))),
    );

    const edits = newHistogram();
    const cursors = newHistogram();
    let editsSent = 0;
    let cursorsSent = 0;
    let disconnects = 0;
    const generators = parts.map((p) => {
      merge(edits, p.edits);
      merge(cursors, p.cursors);
      editsSent += p.editsSent;
      cursorsSent += p.cursorsSent;
      disconnects += p.disconnects;
      return { cpuPercent: p.cpuPercent, lagP99Ms: quantile(p.ownLag, 0.99) };
    });
    const recipients = plan.load.clientsPerRoom - 1;
    const figures: RunFigures = {
      server: plan.server,
      editP50: quantile(edits, 0.5),
      editP99: quantile(edits, 0.99),
      cursorP99: quantile(cursors, 0.99),
      editsPerSecond: editsSent / elapsed,
      editsDelivered: (edits.count / (editsSent * recipients)) * 100,
      cursorsDelivered: (cursors.count / (cursorsSent * recipients)) * 100,
      serverCpu: (serverCpu / elapsed) * 100,
      serverLagP99: windowQuantile(lagBefore, lagAfter, 0.99) * 1000,
      rssIdleMiB: rssIdle / MiB,
      rssActiveMiB: rssActive / MiB,
      generators,
      validity: judgeRun(generators),
      otherCpu: Math.max(0, otherCpu),
      machineLoad,
      disconnects,
    };
    if (plan.server === "archboard") {
      // Every room unloads (and compacts) once its clients have left; a loaded machine may take a while.
      const deadline = Date.now() + 30_000;
      while ((await scrapeValue(server.port, "archboard_sync_rooms_open")) > 0 && Date.now() < deadline)
        await sleep(500);
      await server.stop();
      figures.storage = formatStorageReport(storageReport(dataDir));
    }
    return figures;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await server.stop();
    live.servers.delete(server);
    rmSync(dataDir, { recursive: true, force: true });
    live.dirs.delete(dataDir);
  }
}
