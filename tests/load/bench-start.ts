/**
 * The server from source (through tsx, as `npm run dev` and the tests run it)
 * against the compiled server (`server/dist/main.js`, as `npm start` runs it),
 * started alternately in the same process tree. Prints, per way, the median
 * time from spawning the process to a stock y-websocket client having synced
 * a room, and the resident memory once it has started and is idle. Never
 * fails on timing.
 *
 *   npm run build:server && npm run bench:start [-- --runs 9]
 */
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { SERVER_BUILD, SERVER_ENTRY, startChildServer } from "@archboard/server/testing/child-server";
import { connectClient, synced } from "@archboard/server/testing/sync-clients";
import { stubWebDist, tempDir } from "@archboard/server/testing/test-server";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a positive whole number");
/** How long the server sits with no client before its memory is read. */
const IDLE_MS = 2000;

const rssMiB = (pid: number) => {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Sample {
  firstSyncMs: number;
  idleRssMiB: number;
}

async function once(entry: string, webDist: string): Promise<Sample> {
  const data = tempDir("archboard-bench-start-");
  const t0 = performance.now();
  const server = await startChildServer({ entry, dataDir: data.path, webDist });
  try {
    const client = connectClient(server.syncUrl, "bench-start-room-0001");
    await synced(client);
    const firstSyncMs = performance.now() - t0;
    client.destroy();
    await sleep(IDLE_MS);
    return { firstSyncMs, idleRssMiB: rssMiB(server.pid) };
  } finally {
    await server.stop();
    data.remove();
  }
}

const web = stubWebDist();
const ways = [
  { name: "source (tsx)", entry: SERVER_ENTRY, samples: [] as Sample[] },
  { name: "compiled (node)", entry: SERVER_BUILD, samples: [] as Sample[] },
];
try {
  for (let i = 0; i < runs; i++)
    for (const way of i % 2 ? [...ways].reverse() : ways) way.samples.push(await once(way.entry, web.path));
} finally {
  web.remove();
}

const rows = ways.map((w) => ({
  name: w.name,
  sync: median(w.samples.map((s) => s.firstSyncMs)),
  rss: median(w.samples.map((s) => s.idleRssMiB)),
}));
process.stdout.write(`${runs} starts each, alternating; medians\n\n`);
process.stdout.write(`${"".padEnd(18)}${"spawn → first sync".padStart(20)}${"idle RSS".padStart(12)}\n`);
for (const r of rows)
  process.stdout.write(
    `${r.name.padEnd(18)}${`${r.sync.toFixed(0)} ms`.padStart(20)}${`${r.rss.toFixed(1)} MiB`.padStart(12)}\n`,
  );
const [src, built] = rows as [(typeof rows)[0], (typeof rows)[0]];
process.stdout.write(
  `${"compiled / source".padEnd(18)}${`${(built.sync / src.sync).toFixed(2)}×`.padStart(20)}${`${(built.rss / src.rss).toFixed(2)}×`.padStart(12)}\n`,
);
process.stdout.write(
  `saved by compiling: ${(src.sync - built.sync).toFixed(0)} ms to first sync, ${(src.rss - built.rss).toFixed(1)} MiB resident\n`,
);
