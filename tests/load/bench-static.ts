/**
 * `npm run build && npm run bench:static`: how fast the server hands out the
 * built app. Starts the real server as a child process on loopback, then for
 * `index.html` and the largest JavaScript asset keeps CONNECTIONS keep-alive
 * requests in flight for SECONDS each, per Accept-Encoding, and prints
 * requests per second, the server's CPU time per answer (steadier than the
 * rate on a shared machine, as the client competes for the same cores) and
 * the bytes each answer put on the wire.
 *
 *   BENCH_SECONDS=5 BENCH_CONNECTIONS=8 npm run bench:static
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { Agent, request } from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startChildServer } from "@archboard/server/testing/child-server";
import { cpuSeconds } from "./sync/processes.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const webDist = resolve(import.meta.dirname, "../../apps/web/dist");

/** The largest script of the build, by its uncompressed size. */
function largestScript(): string {
  const assets = join(webDist, "assets");
  const scripts = readdirSync(assets).filter((f) => f.endsWith(".js"));
  scripts.sort((a, b) => statSync(join(assets, b)).size - statSync(join(assets, a)).size);
  if (!scripts[0]) throw new Error(`no scripts in ${assets}: run "npm run build" first`);
  return `/assets/${scripts[0]}`;
}

type Result = { requests: number; bytes: number; encoding: string; seconds: number };

/** Keeps `CONNECTIONS` requests for `path` in flight for `SECONDS`, counting answers and body bytes. */
async function load(port: number, path: string, acceptEncoding: string): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const headers: Record<string, string> = acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {};
  let requests = 0;
  let bytes = 0;
  let encoding = "identity";
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const one = () =>
    new Promise<void>((done, fail) => {
      const req = request({ host: "127.0.0.1", port, path, headers, agent }, (res) => {
        if (res.statusCode !== 200) fail(new Error(`${path}: HTTP ${res.statusCode}`));
        encoding = String(res.headers["content-encoding"] ?? "identity");
        res.on("data", (chunk: Buffer) => (bytes += chunk.byteLength));
        res.on("end", () => {
          requests++;
          done();
        });
      });
      req.on("error", fail);
      req.end();
    });
  const worker = async () => {
    while (performance.now() < deadline) await one();
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, bytes, encoding, seconds };
}

async function main(): Promise<void> {
  const script = largestScript();
  const dataDir = mkdtempSync(join(tmpdir(), "archboard-bench-static-"));
  const server = await startChildServer({ dataDir, webDist });
  const rows: string[] = [];
  try {
    const cases: [string, string][] = [
      ["/index.html", "gzip, deflate, br"],
      ["/b/benchmarkBoardId01", "gzip, deflate, br"],
      [script, "gzip, deflate, br"],
      [script, "gzip"],
      [script, ""],
    ];
    for (const [path, accept] of cases) {
      await load(server.port, path, accept); // warm-up: file caches, JIT
      const cpuBefore = cpuSeconds(server.pid);
      const r = await load(server.port, path, accept);
      const cpuMs = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / r.requests;
      rows.push(
        `${path.padEnd(44)} ${(accept || "(none)").padEnd(18)} ${r.encoding.padEnd(9)} ` +
          `${(r.requests / r.seconds).toFixed(0).padStart(8)} ${cpuMs.toFixed(2).padStart(10)} ` +
          `${Math.round(r.bytes / r.requests)
            .toLocaleString("en")
            .padStart(12)}`,
      );
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(
    `static files: ${CONNECTIONS} keep-alive connections, ${SECONDS} s per row, node ${process.version}, ${availableParallelism()} CPUs\n` +
      `${"path".padEnd(44)} ${"accept-encoding".padEnd(18)} ${"sent as".padEnd(9)} ${"req/s".padStart(8)} ` +
      `${"CPU ms/ans".padStart(10)} ${"bytes/answer".padStart(12)}\n` +
      `${rows.join("\n")}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:static: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
