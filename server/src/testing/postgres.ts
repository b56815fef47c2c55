/**
 * A real, throwaway PostgreSQL for tests and benchmarks: `initdb` into a
 * temporary folder, `pg_ctl start` on an ephemeral loopback port, stop and
 * delete afterwards. PostgreSQL refuses to run as root, so under root every
 * command runs as the `postgres` system user (the Debian package creates it).
 */
import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { lifecycle, type Lifecycle } from "./lifecycle.ts";

const run = promisify(execFile);

/** A running (or stopped, restartable) PostgreSQL. */
export interface PostgresCluster extends Lifecycle {
  port: number;
  /** `postgres://archboard@127.0.0.1:<port>/postgres` */
  url: string;
  /** A URL for `database` on this cluster. */
  urlFor: (database: string) => string;
}

const SEARCHED = "/usr/lib/postgresql/*/bin, POSTGRES_BIN";

/** The folder holding `initdb` and `pg_ctl`, or null when PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return existsSync(join(fromEnv, "pg_ctl")) ? fromEnv : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** A free loopback port, as the OS hands them out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
async function pgRun(bin: string, args: string[]): Promise<void> {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  try {
    await run(cmd, argv, { timeout: 120_000 });
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(`${bin} ${args.join(" ")} failed: ${e.stderr || e.stdout || e.message}`, { cause: err });
  }
}

async function uidOf(user: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run("id", ["-u", user]), run("id", ["-g", user])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/**
 * Creates and starts a PostgreSQL with user `archboard` (trust auth, loopback
 * only; fsync off unless asked, as tests kill servers, not machines; a
 * benchmark turns it on to measure what production pays). Throws a sentence
 * saying what to install when the binaries are missing.
 */
export async function startPostgres({ fsync = false }: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found in ${SEARCHED}: install the Debian package "postgresql" (.ci/run does), or set POSTGRES_BIN`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "archboard-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  if (isRoot()) {
    const { uid, gid } = await uidOf("postgres");
    chownSync(dir, uid, gid);
  }
  await pgRun(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "archboard", "--no-sync", "-E", "UTF8"]);
  let port = 0;
  const pgCtl = join(bin, "pg_ctl");
  const options = () =>
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? "on" : "off"} ` +
    `-c max_connections=300 -c shared_buffers=32MB`;
  const start = async () => {
    await pgRun(pgCtl, ["-D", data, "-l", log, "-o", options(), "-w", "-t", "60", "start"]);
  };
  let started = false;
  for (let attempt = 0; !started; attempt++) {
    port = await freePort();
    try {
      await start();
      started = true;
    } catch (err) {
      // Another process took the port between our probe and the start: try another.
      if (attempt >= 2) {
        rmSync(dir, { recursive: true, force: true });
        const tail = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
        throw new Error(`${(err as Error).message}\n${tail}`, { cause: err });
      }
    }
  }
  let running = true;
  const urlFor = (database: string) => `postgres://archboard@127.0.0.1:${port}/${database}`;
  return {
    port,
    url: urlFor("postgres"),
    urlFor,
    ...lifecycle(dir, {
      start: async () => {
        await start();
        running = true;
      },
      stop: async () => {
        running = false;
        await pgRun(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
      },
      running: () => running,
    }),
  };
}
