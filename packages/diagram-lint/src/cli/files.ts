import { readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { MAX_SCENE_BYTES, SceneFileError } from "../scene-file/parse-scene-file.ts";

/** Files the CLI reads: `.excalidraw` JSON and PNG with an embedded scene. */
const SCENE_FILE_RE = /\.(?:excalidraw|json|png)$/i;

/**
 * The files named on the command line, in order, each once. A plain path is taken as
 * given (a missing one is reported when read); a glob is expanded relative to `cwd`
 * and must match at least one scene file, else that is an input error.
 */
export function expandPatterns(patterns: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const abs = resolve(cwd, file);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      add(pattern);
      continue;
    }
    const matches = globSync(pattern, { cwd, absolute: true, onlyFiles: true, dot: false })
      .filter((f) => SCENE_FILE_RE.test(f))
      .sort();
    if (matches.length === 0) throw new SceneFileError(`${pattern} matches no .excalidraw or .png file`);
    for (const m of matches) add(m);
  }
  return files;
}

/** The bytes of a scene file, refusing non-files and files over the size limit before reading. */
export function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new SceneFileError(`${file} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof SceneFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SceneFileError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  // Refuse before reading: a multi-gigabyte file should not be pulled into memory.
  if (size > MAX_SCENE_BYTES)
    throw new SceneFileError(`${basename(file)} is too big (${(size / 1048576).toFixed(1)} MB; the limit is 50 MB)`);
  return readFileSync(file);
}
