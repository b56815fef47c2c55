import type { Finding } from "@archboard/diagram-lint";
import { rubric } from "@archboard/interview";
import { formatClock, type Clock } from "./clock.ts";
import type { Note, Score, Signal } from "./notes.ts";
import type { PhaseBoard } from "./phaseBoards.ts";

export interface ReportInput {
  boardTitle: string;
  prompt: { title: string; statement: string } | null;
  clock: Clock;
  findings: readonly Finding[];
  scores: Record<string, Score>;
  signal: Signal | null;
  notes: readonly Note[];
  /** The interviewer's own copy has the timestamped notes; the candidate's does not. */
  includePrivateNotes: boolean;
  generatedAt: Date;
  /** File name of the board image that goes with the report. */
  imageFile: string;
  /** The board at the end of each phase reached (rebuilt from history), with its picture's file. */
  phaseBoards?: readonly PhaseBoard[];
}

const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n+/g, " ");

function phaseTable(clock: Clock): string[] {
  const rows = clock.phases.map((p, i) => {
    const actual = clock.actualMs[i];
    const planned = p.minutes * 60_000;
    const delta =
      actual === undefined ? "" : actual > planned ? `+${minutes(actual - planned)}` : `−${minutes(planned - actual)}`;
    return `| ${escapeCell(p.label)} | ${p.minutes} min | ${actual === undefined ? "not reached" : minutes(actual)} | ${delta} |`;
  });
  const plannedTotal = clock.phases.reduce((n, p) => n + p.minutes, 0);
  const actualTotal = clock.actualMs.reduce((n, ms) => n + ms, 0);
  return [
    "| phase | planned | actual | difference |",
    "| --- | --- | --- | --- |",
    ...rows,
    `| **total** | ${plannedTotal} min | ${minutes(actualTotal)} | |`,
  ];
}

function lintSummary(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ["No findings: the diagram follows the checked practices."];
  const by = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return [
    `${findings.length} findings: ${by("error")} errors, ${by("warn")} warnings, ${by("info")} hints.`,
    "",
    ...findings.map((f) => `- **${f.ruleId}** (${f.alias}, ${f.severity}): ${f.message}`),
  ];
}

function rubricTable(scores: Record<string, Score>, signal: Signal | null): string[] {
  const rows = rubric.dimensions.map((d) => {
    const s = scores[d.id];
    return `| ${d.title} | ${s?.score ?? "–"} / 4 | ${escapeCell(s?.note ?? "")} |`;
  });
  const label = rubric.finalSignals.find((f) => f.id === signal)?.label ?? "not given";
  return ["| dimension | score | note |", "| --- | --- | --- |", ...rows, "", `**Final signal:** ${label}`];
}

function phaseSection(boards: readonly PhaseBoard[], startedAt: number | null): string[] {
  if (boards.length === 0) return [];
  const into = (at: number) => (startedAt === null ? "" : formatClock(Math.max(0, at - startedAt)));
  const name = (b: PhaseBoard) => `${escapeCell(b.label)}${b.complete ? "" : " (under way)"}`;
  return [
    "## The board by phase",
    "",
    "| phase | board as of | findings |",
    "| --- | --- | --- |",
    ...boards.map((b) => `| ${name(b)} | ${into(b.at)} | ${b.findings} |`),
    "",
    ...boards.flatMap((b) => {
      const when = `${b.complete ? "at the end of" : "during"} “${b.label.replace(/[[\]]/g, "")}”`;
      return [b.empty ? `The board was empty ${when}.` : `![The board ${when}](${b.file})`, ""];
    }),
  ];
}

/** The end-of-interview report as Markdown; the board image is a separate PNG file. */
export function buildReport(input: ReportInput): string {
  const lines = [
    `# Mock interview report: ${input.prompt?.title ?? input.boardTitle}`,
    "",
    `Generated ${input.generatedAt.toISOString().replace("T", " ").slice(0, 16)} UTC · board “${input.boardTitle}”`,
    "",
    "## Prompt",
    "",
    input.prompt ? input.prompt.statement : "No prompt was chosen.",
    "",
    "## Timing",
    "",
    ...phaseTable(input.clock),
    "",
    "## Diagram check at the end",
    "",
    ...lintSummary(input.findings),
    "",
    ...phaseSection(input.phaseBoards ?? [], input.clock.startedAt),
    "## Rubric",
    "",
    ...rubricTable(input.scores, input.signal),
    "",
  ];
  if (input.includePrivateNotes) {
    lines.push("## Interviewer notes (private)", "");
    if (input.notes.length === 0) lines.push("No notes.");
    for (const n of input.notes)
      lines.push(`- [${formatClock(n.elapsedMs)} · ${n.phaseLabel}] ${n.text.replace(/\n+/g, " ")}`);
    lines.push("");
  }
  lines.push("## Board", "", `![The board at the end](${input.imageFile})`, "");
  return lines.join("\n");
}
