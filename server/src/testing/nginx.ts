/**
 * The shipped proxy config (`deploy/nginx/archboard.conf`) run by a real
 * nginx on an ephemeral loopback port in front of test servers, stopped and
 * its folder deleted afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./child-server.ts";
import { freePort } from "./postgres.ts";

/** The config operators copy into nginx. */
export const NGINX_CONFIG = "deploy/nginx/archboard.conf";

/** A running nginx. */
export interface NginxProxy {
  port: number;
  /** `ws://127.0.0.1:<port>/sync` */
  syncUrl: string;
  stop: () => Promise<void>;
}

/** The nginx binary, or null when nginx is not installed. */
export function findNginx(): string | null {
  for (const candidate of [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx"])
    if (candidate && existsSync(candidate)) return candidate;
  return null;
}

/**
 * The shipped config with its `listen` port and its upstream `server` lines
 * replaced; everything else (the room hash, the WebSocket headers) as shipped.
 */
export function shippedConfigFor(port: number, upstreams: number[]): string {
  const shipped = readFileSync(join(repoRoot, NGINX_CONFIG), "utf8");
  const lines = shipped.split("\n");
  const firstServer = lines.findIndex((l) => /^\s+server 127\.0\.0\.1:\d+/.test(l));
  if (firstServer < 0 || !/^\s+listen 8080;/m.test(shipped)) throw new Error(`${NGINX_CONFIG} changed shape`);
  const kept = lines.filter((l) => !/^\s+server 127\.0\.0\.1:\d+/.test(l));
  kept.splice(firstServer, 0, ...upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`));
  return kept.join("\n").replace(/^(\s+)listen 8080;/m, `$1listen 127.0.0.1:${port};`);
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/** Starts nginx (in the foreground, as our child) with the shipped config in front of `upstreams`. */
export async function startNginx(upstreams: number[]): Promise<NginxProxy> {
  const bin = findNginx();
  if (!bin) throw new Error(`nginx not found: install the Debian package "nginx" (.ci/run does), or set NGINX_BIN`);
  const dir = mkdtempSync(join(tmpdir(), "archboard-nginx-"));
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, sub));
  const port = await freePort();
  writeFileSync(join(dir, "archboard.conf"), shippedConfigFor(port, upstreams));
  const root = process.getuid?.() === 0;
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      // Under root, workers would drop to nobody, who cannot enter this private folder.
      root ? "user root;" : "",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map(
        (t) => `  ${t === "body" ? "client_body" : t}_temp_path ${dir}/${t};`,
      ),
      `  include ${dir}/archboard.conf;`,
      "}",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(bin, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 30_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const log = existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "";
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
