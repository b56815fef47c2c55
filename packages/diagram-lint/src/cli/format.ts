import { relative } from "node:path";
import { elementRect, type SceneElement } from "@archboard/scene";
import type { Finding } from "../types.ts";
import type { AppliedFix } from "./fix-file.ts";

/** What the CLI learned about one file. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Live elements by id: findings are located by their first element. */
  readonly elements: ReadonlyMap<string, SceneElement>;
  /** Changes `--fix` wrote back (empty without `--fix`). */
  readonly fixed: readonly AppliedFix[];
}

/** Counts by severity. */
export function tally(reports: readonly FileReport[]): { error: number; warn: number; info: number } {
  const t = { error: 0, warn: 0, info: 0 };
  for (const r of reports) for (const f of r.findings) t[f.severity]++;
  return t;
}

/**
 * Text for people: per file, its path, then one line per finding with where it is (the
 * top-left of the first element it names, as Excalidraw shows positions) and the
 * message, which says what to do; then one summary line.
 */
export function formatText(reports: readonly FileReport[], cwd: string): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.findings.length === 0 && r.fixed.length === 0) continue;
    lines.push(displayPath(r.file, cwd));
    for (const fix of r.fixed) lines.push(`  fixed ${fix.ruleId} ${fix.title}`);
    for (const f of r.findings) {
      lines.push(
        `  ${f.severity.padEnd(5)} ${f.ruleId} ${f.alias.padEnd(24)} ${where(f, r.elements).padEnd(16)} ${f.message}`,
      );
    }
  }
  const t = tally(reports),
    total = t.error + t.warn + t.info;
  const fixed = reports.reduce((n, r) => n + r.fixed.length, 0);
  lines.push(
    `${total} finding${total === 1 ? "" : "s"} in ${reports.length} file${reports.length === 1 ? "" : "s"}: ${t.error} error, ${t.warn} warn, ${t.info} info` +
      (fixed > 0 ? `; ${fixed} fixed` : ""),
  );
  return lines.join("\n");
}

/**
 * `{"findings": [...]}` as the contract says; with several files each finding also
 * carries `file`; with `--fix`, `"fixed"` lists the changes written back.
 */
export function formatJson(reports: readonly FileReport[], cwd: string, withFixes: boolean): string {
  const several = reports.length > 1;
  const findings = reports.flatMap((r) =>
    several ? r.findings.map((f) => ({ ...f, file: displayPath(r.file, cwd) })) : r.findings,
  );
  if (!withFixes) return JSON.stringify({ findings });
  const fixed = reports.flatMap((r) => r.fixed.map((f) => ({ file: displayPath(r.file, cwd), ...f })));
  return JSON.stringify({ findings, fixed });
}

function where(f: Finding, elements: ReadonlyMap<string, SceneElement>): string {
  const el = f.elementIds.length > 0 ? elements.get(f.elementIds[0]!) : undefined;
  if (!el) return "board";
  const r = elementRect(el);
  return `at (${Math.round(r.x)}, ${Math.round(r.y)})`;
}

/** A path as typed relative to where the CLI runs, absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith("..") ? rel : file;
}
