/**
 * Process plumbing for `npm run bench:sync`: start a server as a child (the
 * shared launcher: loopback, ephemeral port, ready on its `listening` log
 * line), read its RSS and CPU time, scrape its metrics.
 */
import { readFileSync } from "node:fs";
import { startChildServer, type ChildServer } from "@archboard/server/testing/child-server";

/**
 * Spawns `node --import tsx <entry>` (relative to the repository root), with
 * `preload` modules imported first, and resolves once it listens.
 */
export function startServerProcess(
  entry: string,
  env: Record<string, string>,
  preload?: string[],
): Promise<ChildServer> {
  return startChildServer({ entry, env, preload });
}

/** Resident set size of a process in bytes (Linux `/proc`). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU time (user + system) a process has used, in seconds (Linux `/proc`). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Cumulative buckets of one histogram from a Prometheus text scrape. */
export type Buckets = { le: number; count: number }[];

export async function scrapeHistogram(port: number, name: string): Promise<Buckets> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, "gm");
  return [...text.matchAll(re)].map((m) => ({ le: m[1] === "+Inf" ? Infinity : Number(m[1]), count: Number(m[2]) }));
}

/** One gauge or counter value from a scrape (first series with that exact name). */
export async function scrapeValue(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1]);
}

/**
 * Quantile `q` of the observations made between two scrapes of a cumulative
 * histogram, interpolated linearly inside the bucket (as PromQL's
 * `histogram_quantile` does). Returns seconds.
 */
export function windowQuantile(before: Buckets, after: Buckets, q: number): number {
  const counts = after.map((b, i) => ({ le: b.le, count: b.count - (before[i]?.count ?? 0) }));
  const total = counts.at(-1)?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of counts) {
    if (b.count >= rank) {
      if (b.le === Infinity) return prevLe;
      return prevLe + (b.le - prevLe) * ((rank - prevCount) / Math.max(1, b.count - prevCount));
    }
    prevLe = b.le;
    prevCount = b.count;
  }
  return prevLe;
}
