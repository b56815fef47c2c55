/**
 * Lint benchmark: full lint (model + all rules) on synthetic architecture scenes of
 * 100, 1,000 and 10,000 elements, then on every corpus file. Prints medians after a
 * warm-up, the per-element cost and the growth ratio between sizes. Not a test: it
 * never fails on timing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lint } from "../../packages/diagram-lint/src/index.ts";
import type { SceneElement } from "../../packages/diagram-lint/src/index.ts";
import { scene } from "../../packages/diagram-lint/src/testing/scene.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const corpusDir = resolve(root, "../shared/corpus");
const KINDS = ["Client", "Load Balancer", "API Servers", "Redis Cache", "Orders DB", "Message Queue", "Workers", "Blob Storage"];

/**
 * A grid of services, each cell: a box with a bound label, an arrow to its right-hand
 * neighbour with a bound label (every third arrow carries a figure), and a free-text
 * note under the box. Five elements per cell.
 */
function syntheticScene(targetElements: number): SceneElement[] {
  const s = scene();
  const cells = Math.floor(targetElements / 5);
  const perRow = Math.ceil(Math.sqrt(cells));
  for (let i = 0; i < cells; i++) {
    const row = Math.floor(i / perRow), col = i % perRow;
    s.box(`b${i}`, `${KINDS[i % KINDS.length]} ${i}`, { x: col * 260, y: row * 220 });
  }
  for (let i = 0; i < cells; i++) {
    const row = Math.floor(i / perRow), col = i % perRow;
    const next = col + 1 < perRow && i + 1 < cells ? i + 1 : i + perRow < cells ? i + perRow : null;
    if (next !== null) s.arrow(`e${i}`, `b${i}`, `b${next}`, { label: i % 3 === 0 ? "GET /items 2k QPS" : "POST /orders" });
    s.text(`n${i}`, "note: shard by user", { x: col * 260 + 80, y: row * 220 + 120 });
  }
  return s.elements;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median wall time of `lint(elements)` over `runs` runs after `warmup` untimed ones. */
function time(elements: readonly SceneElement[], runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) lint(elements);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    lint(elements);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log("Synthetic scenes (median of runs after warm-up)");
console.log(`${pad("elements", 9)} ${pad("findings", 9)} ${pad("median ms", 10)} ${pad("µs/element", 11)} ${pad("× prev size", 12)}`);
let prev: number | null = null;
for (const size of [100, 1_000, 10_000]) {
  const elements = syntheticScene(size);
  const runs = size >= 10_000 ? 60 : 300;
  const ms = time(elements, runs, Math.max(20, runs / 5));
  const ratio = prev === null ? "" : `${(ms / prev).toFixed(1)}× (size 10×)`;
  console.log(`${pad(elements.length, 9)} ${pad(lint(elements).length, 9)} ${pad(ms.toFixed(3), 10)} ${pad(((ms * 1000) / elements.length).toFixed(2), 11)} ${pad(ratio, 12)}`);
  prev = ms;
}

console.log("\nCorpus files");
console.log(`${"file".padEnd(46)} ${pad("elements", 9)} ${pad("findings", 9)} ${pad("median ms", 10)}`);
for (const file of readdirSync(corpusDir).filter((f) => f.endsWith(".excalidraw")).sort()) {
  const elements = (JSON.parse(readFileSync(resolve(corpusDir, file), "utf8")) as { elements: SceneElement[] }).elements;
  console.log(`${file.padEnd(46)} ${pad(elements.length, 9)} ${pad(lint(elements).length, 9)} ${pad(time(elements, 50, 10).toFixed(3), 10)}`);
}
