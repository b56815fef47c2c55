import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "../../..");
export const corpusDir = resolve(repoRoot, "../shared/corpus");

/** A real Archboard server process on loopback. */
export interface RunningServer {
  port: number;
  url: string;
  dataDir: string;
  /** Stops with SIGTERM (graceful) or SIGKILL (crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `server/src/main.ts` as its own process. Port 0 asks the OS for a
 * free port; pass a port to restart on the same origin (browser storage is
 * per origin, so a restarted server must keep its port).
 */
export async function startServer(opts: { port?: number; dataDir?: string } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "archboard-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(opts.port ?? 0), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_FORMAT: "json" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s: ${stderr}`)), 20_000);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"url":"http:\/\/[^:]+:(\d+)"/.exec(out);
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
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}
