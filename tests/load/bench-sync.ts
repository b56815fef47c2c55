/**
 * Sync server benchmark: our server (persisting every update to SQLite)
 * against the stock `@y/websocket-server` (no persistence) and Hocuspocus
 * (its SQLite extension and its own provider), same load, alternating runs.
 * Prints figures, the spread between repeats and a verdict per size; never
 * fails on timing.
 *
 *   npm run bench:sync -- [--rooms 50,100,200,500] [--seconds 20] [--repeats 2]
 *     [--workers N] [--servers archboard,stock,hocuspocus] [--clients 2]
 *     [--cursor-heavy] [--pooled-random] [--json results.json]
 *   npm run bench:sync -- --compare first.json second.json
 *
 * Load per client: 2 element edits/s (a Y.Map set of an element-like object)
 * and 20 awareness cursor moves/s; `--cursor-heavy` makes it 0.2 edits/s and
 * 60 cursor moves/s. `--pooled-random` serves every server's
 * `crypto.getRandomValues` from a pool (`sync/pooled-random.ts`), to tell a
 * machine's slow random source apart from a server's own cost. Each size runs every server in turn, `--repeats` times
 * (A B C A B C). The load comes from several processes (by default enough
 * that none is estimated above 60 % of a core); a run where one of them was
 * the bottleneck is marked INVALID and left out of the verdicts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { booleanFlag, countFlag, countListFlag, positiveFlag, textFlag } from "./flags.ts";
import { defaultWorkers, estimatedGeneratorCpu, verdictsAgree, type LoadShape } from "./sync/judgement.ts";
import { runTarget, SERVERS, stopEverything, type ServerName } from "./sync/run-target.ts";
import {
  describeVerdict,
  formatSize,
  formatSummary,
  pairs,
  pairVerdict,
  type SizeResult,
} from "./sync/sweep-report.ts";

const WARMUP_SECONDS = 3;
/** Per run, besides the measured seconds: start, idle reading, warm-up, draining, stopping. */
const OVERHEAD_SECONDS = 12;
/** Clients a load process connects per second, roughly (batches of 50 rooms, each waiting for its sync). */
const CONNECTS_PER_SECOND = 150;

interface Sweep {
  command: string;
  servers: ServerName[];
  load: Omit<LoadShape, "rooms">;
  seconds: number;
  sizes: SizeResult[];
}

function compare(fileA: string, fileB: string): void {
  const [a, b] = [fileA, fileB].map((f) => JSON.parse(readFileSync(f, "utf8")) as Sweep);
  if (!a || !b) return;
  let all = true;
  for (const sizeA of a.sizes) {
    const sizeB = b.sizes.find((s) => s.rooms === sizeA.rooms);
    if (!sizeB) continue;
    for (const [x, y] of pairs(a.servers)) {
      const [va, vb] = [pairVerdict(sizeA, x, y), pairVerdict(sizeB, x, y)];
      const agree = verdictsAgree(va, vb);
      all &&= agree;
      process.stdout.write(
        `${sizeA.rooms} rooms, ${x} vs ${y}: ${agree ? "AGREE" : "DIFFER"}\n  first:  ${describeVerdict(va, x, y)}\n  second: ${describeVerdict(vb, x, y)}\n`,
      );
    }
  }
  process.stdout.write(`\nthe two sweeps ${all ? "agree at every size" : "do not agree at every size"}\n`);
}

async function sweep(): Promise<void> {
  const sizes = countListFlag("rooms", [50, 100, 200, 500]);
  const seconds = positiveFlag("seconds", 20);
  const repeats = countFlag("repeats", 2);
  const clientsPerRoom = countFlag("clients", 2);
  const cursorHeavy = booleanFlag("cursor-heavy");
  const pooledRandom = booleanFlag("pooled-random");
  const servers = textFlag("servers", "archboard,stock,hocuspocus").split(",") as ServerName[];
  for (const s of servers) if (!(s in SERVERS)) throw new Error(`--servers: unknown server "${s}"`);
  const workersFlag = process.argv.includes("--workers") ? countFlag("workers", 1) : null;
  const jsonFile = process.argv.includes("--json") ? textFlag("json", "") : null;
  const load = { clientsPerRoom, editsPerSecond: cursorHeavy ? 0.2 : 2, cursorsPerSecond: cursorHeavy ? 60 : 20 };

  const plan = sizes.map((rooms) => {
    const shape = { ...load, rooms };
    return { shape, workers: Math.min(rooms, workersFlag ?? defaultWorkers(shape)) };
  });
  const runSeconds = (rooms: number, workers: number) =>
    OVERHEAD_SECONDS + seconds + (rooms * clientsPerRoom) / workers / CONNECTS_PER_SECOND;
  const total = plan.reduce((n, p) => n + runSeconds(p.shape.rooms, p.workers) * servers.length * repeats, 0);
  process.stdout.write(
    `sync sweep: ${sizes.join(", ")} rooms × ${clientsPerRoom} clients, ${load.editsPerSecond} edits/s and ` +
      `${load.cursorsPerSecond} cursor moves/s per client${cursorHeavy ? " (cursor-heavy)" : ""}; ` +
      `${pooledRandom ? "servers' getRandomValues pooled; " : ""}` +
      `${servers.join(", ")} alternating, ${repeats} repeats, ${seconds} s measured each (+${WARMUP_SECONDS} s warm-up)\n` +
      `node ${process.version}, ${availableParallelism()} CPUs; ${servers.length * repeats * sizes.length} runs, ` +
      `about ${Math.ceil(total / 60)} min in all\n` +
      plan
        .map(
          (p) =>
            `  ${p.shape.rooms} rooms: ${p.workers} load process(es), estimated ` +
            `${(estimatedGeneratorCpu(p.shape) / p.workers).toFixed(0)} % of a core each\n`,
        )
        .join(""),
  );

  const started = performance.now();
  const results: Sweep = { command: process.argv.slice(2).join(" "), servers, load, seconds, sizes: [] };
  for (const { shape, workers } of plan) {
    const size: SizeResult = { rooms: shape.rooms, workers, runs: [] };
    results.sizes.push(size);
    for (let r = 0; r < repeats; r++) {
      for (const server of servers) {
        process.stdout.write(`[${shape.rooms} rooms] ${server}, repeat ${r + 1}/${repeats}\n`);
        size.runs.push(
          await runTarget({ server, load: shape, workers, seconds, warmupSeconds: WARMUP_SECONDS, pooledRandom }),
        );
      }
    }
    process.stdout.write(`${formatSize(size, servers)}\n`);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(results, null, 1)}\n`);
  }
  process.stdout.write(`${formatSummary(results.sizes, servers)}\n`);
  process.stdout.write(`\nsweep took ${((performance.now() - started) / 60_000).toFixed(1)} min\n`);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\nbench:sync: ${signal}, stopping the servers and load processes\n`);
    void stopEverything().finally(() => process.exit(130));
  });
}

const compareAt = process.argv.indexOf("--compare");
const main =
  compareAt >= 0
    ? Promise.resolve(compare(process.argv[compareAt + 1] ?? "", process.argv[compareAt + 2] ?? ""))
    : sweep();
main.catch(async (err: unknown) => {
  if (interrupted) return;
  process.stderr.write(`bench:sync: ${err instanceof Error ? err.stack : String(err)}\n`);
  await stopEverything();
  process.exit(1);
});
