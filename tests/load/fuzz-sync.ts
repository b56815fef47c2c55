/**
 * Sync fuzzer: hostile frames against a real server process, with the
 * server's event loop measured by `monitorEventLoopDelay` (preloaded probe,
 * `tests/load/sync/loop-probe.ts`). Prints figures; never fails on timing,
 * fails only if the server dies or stops syncing an honest room.
 *
 *   npm run fuzz:sync -- [--frames 300000] [--sockets 32] [--seed 1] [--in-process 100000]
 *
 * Frames come from `server/src/testing/frame-fuzz.ts`: mutations of real
 * update, step-1, step-2 and awareness frames, crafted updates that claim
 * more than they hold, random bytes, and some real frames. Each socket sends
 * one frame, then a query-awareness; the server's answer (or the close) says
 * the frame was handled, so every frame counted reached the server. Meanwhile
 * two stock y-websocket clients edit another room and `/healthz` is polled:
 * their latencies show what one hostile stream costs everyone else. Before
 * that, `--in-process` frames are timed in this process without sockets
 * (see `inProcess`), the cost of each frame apart from the machine's noise.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { fuzzFrames, type FuzzKind } from "@archboard/server/testing/frame-fuzz";
import { FuzzSocket } from "@archboard/server/testing/fuzz-socket";
import { decodeMessage } from "@archboard/server/sync/protocol";
import { checkUpdate } from "@archboard/server/sync/update-guard";
import { startProbedServer, type ProbedServer } from "./sync/probed-server.ts";
import { countFlag } from "./flags.ts";

const FRAMES = countFlag("frames", 300_000);
const IN_PROCESS = countFlag("in-process", 100_000);
const SOCKETS = countFlag("sockets", 32);
const SEED = countFlag("seed", 1);
/** Frames per socket before it is replaced (keeps under the message rate limit). */
const FRAMES_PER_SOCKET = 100;
/** Frames between two reads of the server's loop delay. */
const WINDOW = Math.min(5_000, Math.max(500, Math.floor(FRAMES / 20)));
/** A frame the server neither answers nor closes on within this long counts as unanswered. */
const ANSWER_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Two stock clients in an honest room: one edits every 100 ms, the other times each edit's arrival. */
function honestRoom(syncUrl: string) {
  const opts = { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true };
  const [docA, docB] = [new Y.Doc(), new Y.Doc()];
  const room = "fuzz-honest-room-0001";
  const a = new WebsocketProvider(syncUrl, room, docA, opts);
  const b = new WebsocketProvider(syncUrl, room, docB, opts);
  const latencies: number[] = [];
  const sent = new Map<number, number>();
  let seq = 0;
  docB.getMap("elements").observe((e) => {
    for (const key of e.keysChanged as Set<string>) {
      const at = sent.get(Number(key.slice(1)));
      if (at !== undefined) latencies.push(performance.now() - at);
    }
  });
  const timer = setInterval(() => {
    if (!a.synced) return;
    seq++;
    sent.set(seq, performance.now());
    docA.getMap("elements").set(`e${seq}`, { id: `e${seq}`, type: "rectangle", version: 1, x: seq });
  }, 100);
  return {
    latencies,
    ready: async () => {
      while (!a.synced || !b.synced) await sleep(20);
    },
    edits: () => seq,
    received: () => docB.getMap("elements").size,
    stop() {
      clearInterval(timer);
      a.destroy();
      b.destroy();
      // Each doc's awareness keeps a timer running until the doc is destroyed.
      docA.destroy();
      docB.destroy();
    },
  };
}

/** Polls `/healthz` every 250 ms, recording each answer's latency (Infinity when it failed). */
async function pollHealth(port: number, stop: { done: boolean }, out: number[]): Promise<void> {
  while (!stop.done) {
    const started = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      await res.text();
      out.push(res.ok ? performance.now() - started : Infinity);
    } catch {
      out.push(Infinity);
    }
    await sleep(250);
  }
}

async function fuzz(server: ProbedServer): Promise<void> {
  const syncUrl = `ws://127.0.0.1:${server.port}/sync`;
  const honest = honestRoom(syncUrl);
  await honest.ready();
  const health: number[] = [];
  const stopHealth = { done: false };
  const healthLoop = pollHealth(server.port, stopHealth, health);
  await server.loopDelay(); // start the first window now

  const frames = fuzzFrames(SEED);
  const kinds: Record<FuzzKind, number> = { mutated: 0, crafted: 0, random: 0, real: 0 };
  const closes = new Map<number, number>();
  const windows: number[] = [];
  let worst = { maxMs: 0, p99Ms: 0, samples: 0 };
  let maxBusy = 0;
  let sent = 0;
  const unanswered: string[] = [];
  let sockets = 0;
  let nextWindow = WINDOW;
  const started = performance.now();

  const worker = async (w: number) => {
    while (sent < FRAMES) {
      const room = `fuzz-room-${String(w).padStart(4, "0")}-0000000`;
      const socket = await FuzzSocket.open(`${syncUrl}/${room}`, ANSWER_TIMEOUT_MS).catch(() => null);
      if (!socket) {
        if (server.exitStatus()) return;
        continue;
      }
      sockets++;
      for (let i = 0; i < FRAMES_PER_SOCKET && sent < FRAMES; i++) {
        const { kind, frame } = frames.next().value as { kind: FuzzKind; frame: Uint8Array };
        sent++;
        kinds[kind]++;
        const answer = await socket.send(frame);
        if (answer === "unanswered") unanswered.push(Buffer.from(frame).toString("hex").slice(0, 200));
        if (answer !== "answered") break;
      }
      if (socket.closeCode === null) await socket.close();
      else closes.set(socket.closeCode, (closes.get(socket.closeCode) ?? 0) + 1);
    }
  };
  const reporter = (async () => {
    while (sent < FRAMES) {
      await sleep(200);
      if (server.exitStatus()) break;
      if (sent < nextWindow && sent < FRAMES) continue;
      nextWindow += WINDOW;
      const d = await server.loopDelay();
      windows.push(d.maxMs);
      if (d.maxMs > worst.maxMs) worst = d;
      maxBusy = Math.max(maxBusy, d.maxBusyMs);
      const rate = sent / ((performance.now() - started) / 1000);
      process.stdout.write(
        `  ${sent} frames, ${sockets} sockets, ${rate.toFixed(0)} frames/s, loop max this window ${fmt(d.maxMs)}, CPU held ${fmt(d.maxBusyMs)}\n`,
      );
    }
  })();
  await Promise.all(Array.from({ length: SOCKETS }, (_, w) => worker(w)));
  await reporter;
  const seconds = (performance.now() - started) / 1000;

  // The server is up and still syncs the honest room.
  const before = honest.edits();
  await sleep(1000);
  const deadline = Date.now() + 10_000;
  while (honest.received() < before && Date.now() < deadline) await sleep(50);
  const caughtUp = honest.received() >= before;
  stopHealth.done = true;
  await healthLoop;
  honest.stop();
  const healthz = await fetch(`http://127.0.0.1:${server.port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

  const lat = honest.latencies.slice().sort((x, y) => x - y);
  const hl = health.slice().sort((x, y) => x - y);
  const win = windows.slice().sort((x, y) => x - y);
  const load = (await import("node:fs")).readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  process.stdout.write(
    [
      ``,
      `sync fuzz: ${sent} frames (seed ${SEED}) over ${sockets} sockets in ${seconds.toFixed(0)} s (${(sent / seconds).toFixed(0)} frames/s), ${SOCKETS} at a time`,
      `  frames: ${Object.entries(kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(", ")}`,
      `  frames neither answered nor closed on within ${ANSWER_TIMEOUT_MS / 1000} s: ${unanswered.length}${unanswered.length ? ` (first: ${unanswered[0]})` : ""}`,
      `  server closes: ${[...closes]
        .sort((x, y) => x[0] - y[0])
        .map(([c, n]) => `${c} ×${n}`)
        .join(", ")}`,
      `  server event loop (monitorEventLoopDelay, 2 ms resolution): max ${fmt(worst.maxMs)}; per ${WINDOW}-frame window max: median ${fmt(quantile(win, 0.5))}, p90 ${fmt(quantile(win, 0.9))}, worst ${fmt(win.at(-1) ?? NaN)}`,
      `  longest the server held a CPU between two 5 ms ticks: ${fmt(maxBusy)} (the delay above minus waiting for a core)`,
      `  honest room meanwhile: ${honest.edits()} edits, arrival p50 ${fmt(quantile(lat, 0.5))}, p99 ${fmt(quantile(lat, 0.99))}, max ${fmt(lat.at(-1) ?? NaN)}; caught up after: ${caughtUp}`,
      `  /healthz meanwhile: p50 ${fmt(quantile(hl, 0.5))}, max ${fmt(hl.at(-1) ?? NaN)}, ${hl.filter((x) => x === Infinity).length} failed; after: ${healthz ? "ok" : "FAILED"}`,
      `  server process: ${server.exitStatus() ? `exited (${server.exitStatus()})` : "running"}`,
      `  machine load average at the end: ${load}`,
      ``,
    ].join("\n"),
  );
  if (!healthz || !caughtUp) throw new Error("the server stopped serving during the fuzz run");
}

/**
 * The same frames in this process, without sockets: decode, guard, and apply
 * to one of 16 documents as a room would. Each frame is timed twice: wall
 * time, and CPU time (`process.cpuUsage`), which a busy machine does not
 * inflate by scheduling other processes in between.
 */
function inProcess(frames: number): void {
  const docs = Array.from({ length: 16 }, () => new Y.Doc());
  const handle = (frame: Uint8Array, doc: Y.Doc): void => {
    let msg;
    try {
      msg = decodeMessage(frame);
    } catch {
      return;
    }
    try {
      if (msg.type === "sync-step1") Y.encodeStateAsUpdate(doc, msg.stateVector);
      else if ((msg.type === "update" || msg.type === "sync-step2") && checkUpdate(msg.update).ok)
        Y.applyUpdate(doc, msg.update);
    } catch {
      // The room closes the sender (1007); the cost is what is measured here.
    }
  };
  let n = 0;
  let worstWall = { ms: 0, kind: "", bytes: 0 };
  let worstCpu = { ms: 0, kind: "", bytes: 0 };
  const cpuTimes: number[] = [];
  const started = performance.now();
  for (const { kind, frame } of fuzzFrames(SEED)) {
    if (n++ >= frames) break;
    const cpu = process.cpuUsage();
    const t = performance.now();
    handle(frame, docs[n % docs.length] as Y.Doc);
    const wall = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    cpuTimes.push(cpuMs);
    if (wall > worstWall.ms) worstWall = { ms: wall, kind, bytes: frame.length };
    if (cpuMs > worstCpu.ms) worstCpu = { ms: cpuMs, kind, bytes: frame.length };
  }
  const seconds = (performance.now() - started) / 1000;
  cpuTimes.sort((a, b) => a - b);
  process.stdout.write(
    `in process: ${frames} frames in ${seconds.toFixed(1)} s; per frame CPU p99 ${fmt(quantile(cpuTimes, 0.99))}, ` +
      `max ${fmt(worstCpu.ms)} (${worstCpu.kind}, ${worstCpu.bytes} bytes); wall max ${fmt(worstWall.ms)} (${worstWall.kind}, ${worstWall.bytes} bytes)\n`,
  );
}

async function main(): Promise<void> {
  inProcess(IN_PROCESS);
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-fuzz-"));
  const webDist = mkdtempSync(join(tmpdir(), "archboard-fuzz-web-"));
  writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Archboard</title>");
  const server = await startProbedServer({ dataDir, webDist });
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    await fuzz(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}

await main();
