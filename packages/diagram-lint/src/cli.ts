/**
 * `npm run lint:diagram -- <file.excalidraw | scene.png> [--format text|json]`
 *
 * Exit codes (docs/rules/README.md, "CLI"): 0 no error-severity findings; 1 at least one
 * error; 2 unreadable or invalid input or bad arguments, with one line on stderr.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { inflateSync } from "node:zlib";
import { lint } from "./lint.ts";
import { MAX_SCENE_BYTES, parseSceneFile, SceneFileError } from "./scene-file/parse-scene-file.ts";
import type { Finding } from "./types.ts";

const USAGE = "usage: lint:diagram <file.excalidraw | scene.png> [--format text|json]";

interface Args {
  readonly file: string;
  readonly format: "text" | "json";
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let format: "text" | "json" = "text";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : argv[++i];
      if (value !== "text" && value !== "json") throw new UsageError(`--format must be text or json (${USAGE})`);
      format = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`unknown option ${arg} (${USAGE})`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`one file at a time (${USAGE})`);
    }
  }
  if (file === undefined) throw new UsageError(USAGE);
  return { file, format };
}

function readInput(file: string): Uint8Array {
  const name = basename(file);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new SceneFileError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof SceneFileError) throw error;
    throw new SceneFileError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
  // Refuse before reading: a multi-gigabyte file should not be pulled into memory.
  if (size > MAX_SCENE_BYTES)
    throw new SceneFileError(`${name} is too big (${(size / 1048576).toFixed(1)} MB; the limit is 50 MB)`);
  return readFileSync(file);
}

function formatText(findings: readonly Finding[]): string {
  const lines = findings.map((f) => `${f.severity.padEnd(5)} ${f.ruleId} ${f.alias.padEnd(20)} ${f.message}`);
  const count = (s: string): number => findings.filter((f) => f.severity === s).length;
  lines.push(
    `${findings.length} finding${findings.length === 1 ? "" : "s"}: ${count("error")} error, ${count("warn")} warn, ${count("info")} info`,
  );
  return lines.join("\n");
}

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv);
    const bytes = readInput(args.file);
    const scene = parseSceneFile(bytes, basename(args.file), { inflate: (b) => inflateSync(b) });
    const findings = lint(scene.elements);
    process.stdout.write(args.format === "json" ? `${JSON.stringify({ findings })}\n` : `${formatText(findings)}\n`);
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  } catch (error) {
    const reason =
      error instanceof SceneFileError || error instanceof UsageError
        ? error.message
        : `unexpected failure: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
    process.stderr.write(`lint:diagram: ${reason}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
