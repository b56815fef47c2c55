import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebsocketProvider } from "y-websocket";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { createArchboardServer, type ArchboardServer, type ArchboardServerOptions } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../log.ts";

/** A temp directory removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A minimal built app, so the server starts without `npm run build`. */
export function stubWebDist(): { path: string; remove(): void } {
  const dir = tempDir("archboard-web-");
  writeFileSync(join(dir.path, "index.html"), "<!doctype html><title>Archboard</title>");
  return dir;
}

/** A real server on 127.0.0.1 with an ephemeral port, a real SQLite file, silent logs. */
export interface TestServer {
  server: ArchboardServer;
  port: number;
  httpUrl: string;
  /** Base URL for `WebsocketProvider` (`ws://127.0.0.1:<port>/sync`). */
  syncUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  dataDir: string,
  webDist: string,
  env: Record<string, string> = {},
  options: ArchboardServerOptions = {},
): Promise<TestServer> {
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, WEB_DIST: webDist, LOG_FORMAT: "silent", ...env });
  const server = createArchboardServer(config, createLogger("silent"), options);
  const port = await server.listen();
  return {
    server,
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop: () => server.close(),
  };
}

/**
 * A real server for the enclosing `describe` block: started before its tests
 * on a free port with a fresh DATA_DIR, stopped (and its directories removed)
 * after them. The returned object is filled in by the time the tests run.
 */
export function suiteServer(env: Record<string, string> = {}, options: ArchboardServerOptions = {}): TestServer {
  const web = stubWebDist();
  const data = tempDir("archboard-test-");
  const srv = {} as TestServer;
  beforeAll(async () => {
    Object.assign(srv, await startTestServer(data.path, web.path, env, options));
  });
  afterAll(async () => {
    await srv.stop?.();
    web.remove();
    data.remove();
  });
  return srv;
}

/** A stock y-websocket client in Node, as the brief's interop contract requires. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  elements: Y.Map<unknown>;
  destroy(): void;
}

export function connectClient(
  syncUrl: string,
  room: string,
  params: Record<string, string> = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
  });
  return {
    doc,
    provider,
    elements: doc.getMap("elements"),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` holds; throws with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves once the provider has completed its first sync with the server. */
export const synced = (c: TestClient) => waitFor("provider sync", () => c.provider.synced);

/** A sample Excalidraw-like element. */
export const element = (id: string, version = 1) => ({ id, type: "rectangle", x: version * 10, y: 0, width: 100, height: 50, version, versionNonce: version * 7, isDeleted: false });

/** A server started as its own process (`node --import tsx server/src/main.ts`). */
export interface ChildServer {
  port: number;
  syncUrl: string;
  /** Sends `signal` and resolves when the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

const repoRoot = join(import.meta.dirname, "../../..");

export async function spawnServer(dataDir: string, webDist: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, WEB_DIST: webDist, LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 15 s: ${stderr}`)), 15_000);
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"event":"listening".*"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A plain `ws` socket (no Yjs client) on a sync path. */
export interface RawClient {
  ws: WebSocket;
  /** Every frame received, from the first (the server may send in the handshake's packet). */
  frames: Buffer[];
  /** The close code from the server; 1006 when the socket was cut without one. */
  closed: Promise<number>;
}

/** Opens a raw socket and resolves once it is open. */
export function rawSocket(url: string): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Buffer[] = [];
    ws.on("message", (d: Buffer) => frames.push(d));
    const closed = new Promise<number>((done) => ws.once("close", (code: number) => done(code)));
    ws.once("open", () => {
      // The server may cut an abusive socket mid-send (ECONNRESET); that is expected here.
      ws.on("error", () => {});
      resolve({ ws, frames, closed });
    });
    ws.once("error", reject);
  });
}

/** Rebuilds a document from stored updates, as a fresh process would. */
export function docFromUpdates(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The board's content as plain data: the `elements` and `files` maps. */
export const snapshot = (doc: Y.Doc) => ({
  elements: doc.getMap("elements").toJSON(),
  files: doc.getMap("files").toJSON(),
});
