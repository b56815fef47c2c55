/**
 * Starts a server as its own Node process on an ephemeral loopback port,
 * waits until it is listening, and stops it. Server tests that kill or
 * restart the process, the browser tests and the benchmarks all launch
 * servers through this one module.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The repository root: the child runs here and `entry` is resolved from here. */
export const repoRoot = resolve(import.meta.dirname, "../../..");

/** The server's own entry point, run from source through tsx. */
export const SERVER_ENTRY = "server/src/main.ts";
/** The compiled server `npm run build` writes and `npm start` runs with plain node. */
export const SERVER_BUILD = "server/dist/main.js";

export interface ChildServerOptions {
  /** `DATA_DIR`. The caller owns it, so a restarted server can reuse it. */
  dataDir?: string;
  /** `WEB_DIST`; the server's default (the built app) when omitted. */
  webDist?: string;
  /**
   * 0 (the default) lets the OS pick a free port. Pass the previous port to
   * restart on the same origin (browser storage belongs to the origin).
   */
  port?: number;
  /** More environment for the child, on top of this process's own. */
  env?: Record<string, string>;
  /**
   * The script to run, relative to the repository root; {@link SERVER_ENTRY}
   * by default. A `.ts` entry runs through tsx, a `.js` one (such as
   * {@link SERVER_BUILD}) with plain node. Any script that prints the same
   * JSON `listening` line works (the benchmarks' reference server does).
   */
  entry?: string;
  /** How long to wait for the `listening` line; 60 s by default, as a loaded machine starts slowly. */
  startTimeoutMs?: number;
  /**
   * Modules the child loads with `--import` before the entry (relative to the
   * repository root): a benchmark's event-loop probe, say. They talk to this
   * process over IPC ({@link ChildServer.send} / {@link ChildServer.onMessage}).
   */
  preload?: string[];
}

/** A server process that is listening. */
export interface ChildServer {
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/sync`, the base URL for a y-websocket provider. */
  syncUrl: string;
  /**
   * Sends `signal` (SIGTERM, a graceful stop, by default; SIGKILL to simulate
   * a crash) and resolves once the process has exited. A process still alive
   * 15 s after the signal is killed. Safe to call more than once.
   */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** Sends an IPC message to the child (its preloaded modules answer). */
  send: (message: unknown) => void;
  /** Calls `listener` for every IPC message from the child; returns a function that stops it. */
  onMessage: (listener: (message: unknown) => void) => () => void;
  /** How the process ended (signal or exit code), or null while it runs. */
  exitStatus: () => string | null;
}

const STOP_GRACE_MS = 15_000;
/** What is kept of the child's stderr for an error message. */
const STDERR_TAIL = 8192;

/** Children still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", () => {
      for (const c of running) c.kill("SIGKILL");
    });
  }
  running.add(child);
  child.once("exit", () => running.delete(child));
}

/** The port of a `{"event":"listening","url":"http://host:port"}` log line, or null. */
function listeningPort(line: string): number | null {
  if (!line.startsWith("{")) return null;
  try {
    const entry = JSON.parse(line) as { event?: unknown; url?: unknown };
    if (entry.event !== "listening" || typeof entry.url !== "string") return null;
    const port = Number(new URL(entry.url).port);
    return port > 0 ? port : null;
  } catch {
    return null;
  }
}

/**
 * Spawns `node <entry>` (through tsx for TypeScript) on 127.0.0.1 with JSON logs and resolves
 * once it logs that it is listening. Rejects, with the child's stderr, when
 * it exits first (bad configuration, say) or does not start in time; the
 * child is gone by then.
 */
export async function startChildServer(opts: ChildServerOptions = {}): Promise<ChildServer> {
  const entry = opts.entry ?? SERVER_ENTRY;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(opts.port ?? 0), HOST: "127.0.0.1" };
  if (opts.dataDir !== undefined) env.DATA_DIR = opts.dataDir;
  if (opts.webDist !== undefined) env.WEB_DIST = opts.webDist;
  // Readiness is read from the JSON log, so that format is not negotiable.
  Object.assign(env, opts.env, { LOG_FORMAT: "json" });
  const preload = (opts.preload ?? []).flatMap((m) => ["--import", `./${m}`]);
  const stdio: StdioOptions = preload.length > 0 ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"];
  if (entry.endsWith(".js") && !existsSync(resolve(repoRoot, entry))) {
    throw new Error(`${entry} is missing: run "npm run build" first`);
  }
  // TypeScript (the entry or a preloaded probe) needs tsx; compiled JavaScript runs as `npm start` runs it.
  const loader = entry.endsWith(".ts") || preload.length > 0 ? ["--import", "tsx"] : [];
  const args = [...loader, "--enable-source-maps", ...preload, entry];
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio });
  // The channel must not keep this process alive on its own.
  child.channel?.unref();
  let exitStatus: string | null = null;
  child.once("exit", (code, signal) => (exitStatus = String(signal ?? code)));
  track(child);
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-STDERR_TAIL)));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timeoutMs = opts.startTimeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not start in ${timeoutMs / 1000} s: ${stderr}`));
    }, timeoutMs);
    let pending = "";
    let ready = false;
    // Keeps reading stdout after readiness too, so the child never blocks on a full pipe.
    child.stdout?.on("data", (d: Buffer) => {
      if (ready) return;
      const lines = (pending + d.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const found = listeningPort(line.trim());
        if (found === null) continue;
        ready = true;
        clearTimeout(timer);
        resolvePort(found);
        return;
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${signal ?? code}) before listening: ${stderr}`));
    });
  });

  return {
    pid: child.pid ?? 0,
    port,
    url: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(force);
    },
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    onMessage: (listener) => {
      child.on("message", listener);
      return () => child.off("message", listener);
    },
    exitStatus: () => exitStatus,
  };
}
