/**
 * `npm run lint:diagram -- <files or globs…> [--format text|json|sarif] [--fix]
 * [--max-warnings N] [--config FILE] [--docs-url URL]`
 *
 * Exit codes (docs/rules/README.md "CLI"): 0 no error finding and warnings within
 * `--max-warnings`; 1 at least one error finding, or more warnings than allowed;
 * 2 a file could not be read as a scene, a glob matched nothing, the config is
 * invalid or the arguments are wrong, with one line per problem on stderr.
 */
import { dirname } from "node:path";
import { inflateSync } from "node:zlib";
import { parseArgs, UsageError, type Args } from "./cli/args.ts";
import { ConfigError, findConfig, loadConfig } from "./cli/config.ts";
import { expandPatterns, readInput } from "./cli/files.ts";
import { applySafeFixes, writeScene } from "./cli/fix-file.ts";
import { displayPath, formatJson, formatText, tally, type FileReport } from "./cli/format.ts";
import { toSarif } from "./cli/sarif.ts";
import { lint } from "./lint.ts";
import type { SceneElement } from "@archboard/scene";
import { parseSceneFile, SceneFileError } from "./scene-file/parse-scene-file.ts";
import type { LintConfig } from "./types.ts";

/** Lints one file (fixing it first with `--fix`); throws SceneFileError or ConfigError. */
function lintFile(file: string, args: Args, configs: Map<string, LintConfig>, cwd: string): FileReport {
  const bytes = readInput(file);
  const scene = parseSceneFile(bytes, displayPath(file, cwd), { inflate: (b) => inflateSync(b) });
  const config = configFor(file, args, configs);
  let elements: readonly SceneElement[] = scene.elements;
  let fixed: FileReport["fixed"] = [];
  if (args.fix) {
    const result = applySafeFixes(elements, config);
    if (result.applied.length > 0) {
      writeScene(file, bytes, scene, result.elements);
      elements = result.elements;
      fixed = result.applied;
    }
  }
  const live = new Map<string, SceneElement>();
  for (const el of elements) if (!el.isDeleted) live.set(el.id, el);
  return { file, findings: lint(elements, config), elements: live, fixed };
}

/** The explicit `--config`, else the nearest `archboard-lint.json` above the file, else defaults. */
function configFor(file: string, args: Args, cache: Map<string, LintConfig>): LintConfig {
  const path = args.config ?? findConfig(dirname(file));
  if (!path) return {};
  let config = cache.get(path);
  if (!config) cache.set(path, (config = loadConfig(path)));
  return config;
}

function oneLine(error: unknown): string {
  if (error instanceof SceneFileError || error instanceof UsageError || error instanceof ConfigError) return error.message;
  return `unexpected failure: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
}

function main(argv: readonly string[]): number {
  const cwd = process.cwd();
  let args: Args, files: string[];
  try {
    args = parseArgs(argv);
    if (args.config) loadConfig(args.config);
    files = expandPatterns(args.patterns, cwd);
  } catch (error) {
    process.stderr.write(`lint:diagram: ${oneLine(error)}\n`);
    return 2;
  }
  const reports: FileReport[] = [];
  const configs = new Map<string, LintConfig>();
  let failed = false;
  for (const file of files) {
    try {
      reports.push(lintFile(file, args, configs, cwd));
    } catch (error) {
      failed = true;
      process.stderr.write(`lint:diagram: ${oneLine(error)}\n`);
    }
  }
  if (reports.length > 0 || !failed) {
    const out = args.format === "sarif" ? JSON.stringify(toSarif(reports, cwd, args.docsUrl), null, 2)
      : args.format === "json" ? formatJson(reports, cwd, args.fix)
        : formatText(reports, cwd);
    process.stdout.write(`${out}\n`);
  }
  if (failed) return 2;
  const t = tally(reports);
  if (args.maxWarnings !== null && t.warn > args.maxWarnings) {
    process.stderr.write(`lint:diagram: ${t.warn} warning${t.warn === 1 ? "" : "s"}, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return t.error > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
