/**
 * The printed output of `npm run bench:sync`: per size, one row per run in the
 * order they ran, the spread between each server's repeats, and a verdict per
 * pair of servers; at the end, a summary across sizes.
 */
import { HISTOGRAM_CEILING_MS } from "./latency.ts";
import { keepsUp, spreadPercent, verdict, type RunOutcome, type Verdict } from "./judgement.ts";
import type { RunFigures, ServerName } from "./run-target.ts";

/** Every run at one size, in the order they ran. */
export interface SizeResult {
  rooms: number;
  workers: number;
  runs: RunFigures[];
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "n/a");
/** A latency, shown as "≥5000" once it reached the histogram's last bucket. */
const ms = (v: number) => (v >= HISTOGRAM_CEILING_MS ? `≥${HISTOGRAM_CEILING_MS}` : fmt(v, 2));
const outcome = (r: RunFigures): RunOutcome => ({
  editP99Ms: r.editP99,
  deliveredPercent: r.editsDelivered,
  valid: r.validity.valid,
});
const runsOf = (size: SizeResult, server: ServerName) => size.runs.filter((r) => r.server === server);

/** The pairs a verdict is given for: ours against each other server. */
export function pairs(servers: ServerName[]): [ServerName, ServerName][] {
  return servers.filter((s) => s !== "archboard").map((s) => ["archboard", s] as [ServerName, ServerName]);
}

export function pairVerdict(size: SizeResult, a: ServerName, b: ServerName): Verdict {
  return verdict(runsOf(size, a).map(outcome), runsOf(size, b).map(outcome));
}

/** One line: who is ahead, by what ratio, or why there is no verdict. */
export function describeVerdict(v: Verdict, a: ServerName, b: ServerName): string {
  const ratios = v.ratios.map((r) => `${fmt(r, 2)}×`).join(", ");
  if (v.kind === "none") return `no verdict (${v.reason}); ${a}/${b} edit p99 per repeat: ${ratios}`;
  const leader = v.leader === "first" ? a : b;
  const other = v.leader === "first" ? b : a;
  if (v.why === "keeps up") return `${leader} ahead: keeps up where ${other} does not (${a}/${b} edit p99 ${ratios})`;
  return `${leader} ahead: ${a}/${b} edit p99 ${fmt(v.ratio, 2)}× (repeats ${ratios})`;
}

const COLUMNS = [
  "run",
  "server",
  "edit p50",
  "edit p99",
  "cursor p99",
  "edits %",
  "cursors %",
  "srv CPU %",
  "srv lag p99",
  "RSS MiB",
  "gen CPU % max",
  "gen lag p99",
  "others CPU %",
  "load avg",
  "validity",
];

function row(r: RunFigures, index: number, servers: number): string[] {
  return [
    `${String.fromCharCode(65 + (index % servers))}${Math.floor(index / servers) + 1}`,
    r.server,
    ms(r.editP50),
    ms(r.editP99),
    ms(r.cursorP99),
    fmt(r.editsDelivered, 2),
    fmt(r.cursorsDelivered, 2),
    fmt(r.serverCpu, 0),
    fmt(r.serverLagP99, 1),
    fmt(r.rssActiveMiB, 0),
    fmt(Math.max(...r.generators.map((g) => g.cpuPercent)), 0),
    fmt(Math.max(...r.generators.map((g) => g.lagP99Ms)), 1),
    fmt(r.otherCpu, 0),
    fmt(r.machineLoad, 2),
    r.validity.valid
      ? keepsUp(outcome(r))
        ? "valid"
        : "valid, not keeping up"
      : `INVALID: ${r.validity.reasons.join("; ")}`,
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n").replace(/ +$/gm, "");
}

/** The block printed after all runs of one size. */
export function formatSize(size: SizeResult, servers: ServerName[]): string {
  const out = [
    `\n== ${size.rooms} rooms: ${size.workers} load process(es); latencies in ms, CPU in % of one core ==`,
    table(
      COLUMNS,
      size.runs.map((r, i) => row(r, i, servers.length)),
    ),
  ];
  for (const s of servers) {
    const runs = runsOf(size, s);
    out.push(
      `spread between ${s}'s repeats: edit p99 ${fmt(spreadPercent(runs.map((r) => r.editP99)), 0)} %, ` +
        `cursor p99 ${fmt(spreadPercent(runs.map((r) => r.cursorP99)), 0)} %, ` +
        `server CPU ${fmt(spreadPercent(runs.map((r) => r.serverCpu)), 0)} %`,
    );
  }
  for (const r of size.runs) if (r.storage) out.push(`${r.server}: ${r.storage}`);
  for (const [a, b] of pairs(servers))
    out.push(`verdict ${a} vs ${b}: ${describeVerdict(pairVerdict(size, a, b), a, b)}`);
  return out.join("\n");
}

/** The closing summary: one line per size and pair. */
export function formatSummary(sizes: SizeResult[], servers: ServerName[]): string {
  const out = ["\n== summary =="];
  for (const size of sizes) {
    const up = servers.map((s) => {
      const runs = runsOf(size, s);
      const n = runs.filter((r) => keepsUp(outcome(r))).length;
      return `${s} kept up in ${n}/${runs.length}`;
    });
    out.push(`${size.rooms} rooms: ${up.join(", ")}`);
    for (const [a, b] of pairs(servers)) out.push(`  ${a} vs ${b}: ${describeVerdict(pairVerdict(size, a, b), a, b)}`);
  }
  return out.join("\n");
}
