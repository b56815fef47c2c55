/**
 * The `lint:diagram` command: expands files and globs, finds each file's config, fixes
 * (with `--fix`), lints, prints in the chosen format, and decides the exit code.
 */
import { dirname } from "node:path";
import { Buffer, isUtf8 } from "node:buffer";
import { inflateSync } from "node:zlib";
import { parseArgs, UsageError, type Args } from "./args.ts";
import { ConfigError, findConfig, loadConfig } from "./config.ts";
import { expandPatterns, readInput } from "./files.ts";
import { applySafeFixes, writeScene } from "./fix-file.ts";
import { displayPath, formatJson, formatText, tally, type FileReport } from "./format.ts";
import { toSarif } from "./sarif.ts";
import { lintModel } from "../lint.ts";
import { buildModel } from "../model/build-model.ts";
import type { SceneElement } from "@archboard/scene";
import { estimateFromTexts, readStoredEstimate, type Estimate } from "@archboard/estimates";
import { parseSceneFile, SceneFileError } from "../scene-file/parse-scene-file.ts";
import type { LintConfig } from "../types.ts";

/** Lints one file (fixing it first with `--fix`); throws SceneFileError or ConfigError. */
function lintFile(file: string, args: Args, configs: Map<string, LintConfig>, cwd: string): FileReport {
  const bytes = readInput(file);
  const scene = parseSceneFile(bytes, displayPath(file, cwd), { inflate: (b) => inflateSync(b), decodeUtf8 });
  const config = withEstimate(configFor(file, args, configs), fileEstimate(scene.document));
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
  const model = buildModel(elements);
  return { file, findings: lintModel(model, config), elements: model.byId, fixed };
}

/**
 * The estimate a board exported from Archboard carries (top-level "archboard" key, the
 * inputs as typed), so the file is held to the same figures as in the Estimates panel.
 * Undefined when the file has none; inputs that cannot be read are left out, as there.
 */
function fileEstimate(document: Record<string, unknown> | undefined): Estimate | undefined {
  const data = document?.archboard;
  if (!data || typeof data !== "object") return undefined;
  const texts = readStoredEstimate((data as { estimates?: unknown }).estimates);
  return texts ? estimateFromTexts(texts) : undefined;
}

function withEstimate(config: LintConfig, estimate: Estimate | undefined): LintConfig {
  return estimate ? { ...config, estimate } : config;
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
  if (error instanceof SceneFileError || error instanceof UsageError || error instanceof ConfigError)
    return error.message;
  return `unexpected failure: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
}

/**
 * Node's native UTF-8 conversion, faster than `TextDecoder` on a large file. Invalid
 * bytes come out as U+FFFD, so only a text holding one (which a valid file may also
 * contain) pays for the full check: one pass over the file instead of two.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("utf8");
  return text.includes("\uFFFD") && !isUtf8(buffer) ? null : text;
}

/** Where the CLI reads and writes: the process's, or a test's or benchmark's stand-ins. */
export interface CliIo {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Runs `lint:diagram` with `argv` (the arguments after the script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const cwd = io.cwd;
  let args: Args, files: string[];
  try {
    args = parseArgs(argv, io.env);
    if (args.config) loadConfig(args.config);
    files = expandPatterns(args.patterns, cwd);
  } catch (error) {
    io.stderr(`lint:diagram: ${oneLine(error)}\n`);
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
      io.stderr(`lint:diagram: ${oneLine(error)}\n`);
    }
  }
  if (reports.length > 0 || !failed) {
    const out =
      args.format === "sarif"
        ? JSON.stringify(toSarif(reports, cwd, args.docsUrl), null, 2)
        : args.format === "json"
          ? formatJson(reports, cwd, args.fix)
          : formatText(reports, cwd);
    io.stdout(`${out}\n`);
  }
  if (failed) return 2;
  const t = tally(reports);
  if (args.maxWarnings !== null && t.warn > args.maxWarnings) {
    io.stderr(
      `lint:diagram: ${t.warn} warning${t.warn === 1 ? "" : "s"}, more than --max-warnings ${args.maxWarnings}\n`,
    );
    return 1;
  }
  return t.error > 0 ? 1 : 0;
}
