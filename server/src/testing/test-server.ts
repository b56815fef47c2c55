/**
 * In-process test servers: the real server on 127.0.0.1 with an ephemeral
 * port, a real SQLite file in a temp directory (or, in the `server-pg` test
 * project, a real PostgreSQL schema; see test-store.ts), silent logs.
 */
import { afterAll, beforeAll } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArchboardServer, type ArchboardServer, type ArchboardServerOptions } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createLogger } from "../log.ts";
import { testStoreEnv } from "./test-store.ts";

/** A temp directory removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A minimal built app, so the server starts without `npm run build`. */
export function stubWebDist(): { path: string; remove: () => void } {
  const dir = tempDir("archboard-web-");
  writeFileSync(join(dir.path, "index.html"), "<!doctype html><title>Archboard</title>");
  return dir;
}

/** A real server on 127.0.0.1 with an ephemeral port, a real SQLite file, silent logs. */
export interface TestServer {
  server: ArchboardServer;
  port: number;
  /** The server's DATA_DIR. */
  dataDir: string;
  httpUrl: string;
  /** Base URL for `WebsocketProvider` (`ws://127.0.0.1:<port>/sync`). */
  syncUrl: string;
  stop: () => Promise<void>;
}

export async function startTestServer(
  dataDir: string,
  webDist: string,
  env: Record<string, string> = {},
  options: ArchboardServerOptions = {},
): Promise<TestServer> {
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    WEB_DIST: webDist,
    LOG_FORMAT: "silent",
    ...(options.store ? {} : await testStoreEnv(dataDir)),
    ...env,
  });
  const server = createArchboardServer(config, createLogger("silent"), options);
  const port = await server.listen();
  return {
    server,
    port,
    dataDir,
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
