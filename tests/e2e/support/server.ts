import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SERVER_BUILD, startChildServer } from "@archboard/server/testing/child-server";

export const repoRoot = resolve(import.meta.dirname, "../../..");
/** Real diagrams vendored with their licences (see its MANIFEST.tsv). */
export const corpusDir = resolve(repoRoot, "tests/fixtures/corpus");

/** A real Archboard server process on loopback. */
export interface RunningServer {
  port: number;
  url: string;
  dataDir: string;
  /** Stops with SIGTERM (graceful) or SIGKILL (crash). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts the compiled server (`server/dist/main.js`, what `npm start` runs;
 * `npm run build` makes it) as its own process, serving the built app, with
 * a fresh DATA_DIR unless one is given, and `env` on top of this process's
 * environment (a shared database, say). Port 0 asks the OS for a free port;
 * pass a port to restart on the same origin (browser storage is per origin,
 * so a restarted server must keep its port).
 */
export async function startServer(
  opts: { port?: number; dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "archboard-e2e-"));
  const server = await startChildServer({ entry: SERVER_BUILD, dataDir, port: opts.port ?? 0, env: opts.env });
  return { port: server.port, url: server.url, dataDir, stop: server.stop };
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}
