/**
 * A real, throwaway Redis for tests and benchmarks: `redis-server` on an
 * ephemeral loopback port with nothing saved to disk, restartable on the same
 * port, stopped and its folder deleted afterwards.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { lifecycle, type Lifecycle } from "./lifecycle.ts";
import { freePort } from "./postgres.ts";

const run = promisify(execFile);

/** A running (or stopped, restartable) Redis. */
export interface RedisServer extends Lifecycle {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
}

/** The `redis-server` binary, or null when Redis is not installed. */
export function findRedisServer(): string | null {
  for (const candidate of [process.env.REDIS_SERVER, "/usr/bin/redis-server", "/usr/local/bin/redis-server"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/** Whether something answers PING on the port. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1000);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      socket.destroy();
      resolve(d.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`redis-server: timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Starts a Redis; throws a sentence saying what to install when it is missing. */
export async function startRedis(): Promise<RedisServer> {
  const bin = findRedisServer();
  if (!bin) throw new Error(`redis-server not found: install the Debian package "redis-server" (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), "archboard-redis-"));
  const pidFile = join(dir, "redis.pid");
  const port = await freePort();
  let pid = 0;
  const start = async () => {
    rmSync(pidFile, { force: true });
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
    await run(bin, [...args, "--daemonize", "yes", "--pidfile", pidFile, "--dir", dir, "--logfile", join(dir, "log")]);
    await until("it answers PING", () => pings(port));
    pid = Number(readFileSync(pidFile, "utf8").trim());
  };
  const stop = async () => {
    process.kill(pid, "SIGKILL");
    // Not our child (it daemonized), so it may linger as a zombie: its closed port is what counts.
    await until("it has stopped answering", async () => !(await pings(port)));
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    ...lifecycle(dir, { start, stop, running: async () => pid !== 0 && (await pings(port)) }),
  };
}
