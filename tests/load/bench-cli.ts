/**
 * CLI benchmark: `lint:diagram` on a 10,000-element `.excalidraw` file against reading
 * and parsing the same file's JSON alone, the floor any tool that reads the file pays.
 * Measured twice: in one process (the CLI's own work per file, after warm-up), and end
 * to end as a CI job runs it (a fresh process running the bundled CLI each time,
 * against a process that only reads and parses the file). Medians of interleaved runs; CPU time
 * beside wall time, as the machine is shared. Not a test: it never fails on timing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runCli } from "@archboard/diagram-lint/cli";
import { REPO_ROOT } from "@archboard/diagram-lint/testing/corpus";
import { syntheticScene } from "./synthetic-scene.ts";

const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
const file = join(dir, "board.excalidraw");
const elements = syntheticScene(10_000);
writeFileSync(
  file,
  JSON.stringify({ type: "excalidraw", version: 2, source: "bench", elements, appState: {}, files: {} }),
);
const bytes = readFileSync(file).length;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const sink = { cwd: dir, env: {}, stdout: () => {}, stderr: () => {} };

/** Wall and CPU milliseconds of one call. */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage(),
    t0 = performance.now();
  fn();
  const wall = performance.now() - t0,
    c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

console.log(`Node ${process.version}, load average at start: ${load()}`);
console.log(`File: ${elements.length} elements, ${(bytes / 1048576).toFixed(2)} MB of JSON\n`);

const parseOnly = (): unknown => JSON.parse(readFileSync(file, "utf8"));
const lintText = () => runCli([file], sink);
const lintJson = () => runCli([file, "--format", "json"], sink);
for (let i = 0; i < 15; i++) {
  parseOnly();
  lintText();
  lintJson();
}
const runs = 60;
const samples = {
  parse: [] as number[],
  parseCpu: [] as number[],
  text: [] as number[],
  textCpu: [] as number[],
  json: [] as number[],
  jsonCpu: [] as number[],
};
for (let i = 0; i < runs; i++) {
  const p = timed(parseOnly),
    t = timed(lintText),
    j = timed(lintJson);
  samples.parse.push(p.wall);
  samples.parseCpu.push(p.cpu);
  samples.text.push(t.wall);
  samples.textCpu.push(t.cpu);
  samples.json.push(j.wall);
  samples.jsonCpu.push(j.cpu);
}
const row = (name: string, wall: number[], cpu: number[]) =>
  console.log(
    `${name.padEnd(36)} ${median(wall).toFixed(1).padStart(8)} ms  cpu ${median(cpu).toFixed(1).padStart(6)} ms  ${(median(wall) / median(samples.parse)).toFixed(2)}× parse`,
  );
console.log(`In one process (${runs} interleaved runs after warm-up), median:`);
row("read + JSON.parse only", samples.parse, samples.parseCpu);
row("lint:diagram file (text output)", samples.text, samples.textCpu);
row("lint:diagram file --format json", samples.json, samples.jsonCpu);

// As `npm run lint:diagram` runs it: plain node, the launcher, the bundled CLI (built
// here first if stale, so no run pays for the build).
const cli = resolve(REPO_ROOT, "packages/diagram-lint/bin/lint-diagram.js");
const spawnTimed = (args: string[]) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
};
const parseScript = ["-e", `JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"))`];
spawnTimed([cli, file]);
const ends = { node: [] as number[], parse: [] as number[], cli: [] as number[] };
for (let i = 0; i < 10; i++) {
  ends.node.push(spawnTimed(["-e", "0"]));
  ends.parse.push(spawnTimed(parseScript));
  ends.cli.push(spawnTimed([cli, file]));
}
const nodeStart = median(ends.node);
console.log(`\nEnd to end, a fresh process each (10 interleaved runs), median:`);
console.log(`${"node -e 0 (start-up alone)".padEnd(36)} ${nodeStart.toFixed(0).padStart(8)} ms`);
console.log(`${"node: read + JSON.parse only".padEnd(36)} ${median(ends.parse).toFixed(0).padStart(8)} ms`);
console.log(
  `${"npm run lint:diagram file".padEnd(36)} ${median(ends.cli).toFixed(0).padStart(8)} ms  ${(median(ends.cli) / median(ends.parse)).toFixed(2)}× parse; past start-up ${((median(ends.cli) - nodeStart) / (median(ends.parse) - nodeStart)).toFixed(2)}×`,
);
// A CI job lints a folder of diagrams in one run: the process starts once and the lint
// is warm after the first file. Ten copies of the board, one run, against one process
// that reads and parses the ten files.
const many = join(dir, "many");
mkdirSync(many);
const copies = Array.from({ length: 10 }, (_, i) => join(many, `board-${i}.excalidraw`));
for (const copy of copies) copyFileSync(file, copy);
const parseMany = [
  "-e",
  `for (const f of ${JSON.stringify(copies)}) JSON.parse(require("node:fs").readFileSync(f, "utf8"))`,
];
const glob = join(many, "*.excalidraw");
const batch = { parse: [] as number[], cli: [] as number[] };
for (let i = 0; i < 6; i++) {
  batch.parse.push(spawnTimed(parseMany));
  batch.cli.push(spawnTimed([cli, glob]));
}
console.log(`\nEnd to end, ten such files in one run (6 interleaved runs), median:`);
console.log(`${"node: read + JSON.parse of the ten".padEnd(36)} ${median(batch.parse).toFixed(0).padStart(8)} ms`);
console.log(
  `${"npm run lint:diagram 'many/*'".padEnd(36)} ${median(batch.cli).toFixed(0).padStart(8)} ms  ${(median(batch.cli) / median(batch.parse)).toFixed(2)}× parse`,
);
console.log(`\nLoad average at end: ${load()}`);
rmSync(dir, { recursive: true, force: true });
