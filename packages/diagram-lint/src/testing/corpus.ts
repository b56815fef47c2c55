import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SceneElement } from "@archboard/scene";

/** The repository root (this file lives in packages/diagram-lint/src/testing). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Real diagrams drawn by other people and vendored with their licences
 * (`tests/fixtures/corpus/MANIFEST.tsv`). Tests that need a particular property
 * (frames, images, no `index`) read these by name.
 */
export const FIXTURES_DIR = resolve(REPO_ROOT, "tests/fixtures/corpus");

/** The diagrams a "every real file" test or benchmark walks, and where they came from. */
export interface DiagramSet {
  /** Absolute folder the files are in. */
  readonly dir: string;
  /** `.excalidraw` file names in that folder, sorted. */
  readonly files: readonly string[];
  /** One line for the test log: which set was used, and how to pick the other. */
  readonly description: string;
}

/**
 * The vendored fixtures, or the folder named by the `CORPUS_DIR` environment variable
 * when it is set: a larger collection of `.excalidraw` files kept outside the repository.
 * A `CORPUS_DIR` that is missing or holds no `.excalidraw` file is an error, not a
 * silent fallback: whoever set it expects those files to be checked.
 */
export function diagramSet(env: NodeJS.ProcessEnv = process.env): DiagramSet {
  const chosen = env.CORPUS_DIR?.trim();
  if (!chosen) {
    const files = excalidrawFiles(FIXTURES_DIR);
    return {
      dir: FIXTURES_DIR,
      files,
      description: `${files.length} vendored diagrams in tests/fixtures/corpus (set CORPUS_DIR to use a larger folder)`,
    };
  }
  const dir = resolve(chosen);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`CORPUS_DIR=${chosen} is not a folder`);
  const files = excalidrawFiles(dir);
  if (files.length === 0) throw new Error(`CORPUS_DIR=${chosen} holds no .excalidraw files`);
  return { dir, files, description: `${files.length} diagrams from CORPUS_DIR=${dir}` };
}

function excalidrawFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".excalidraw"))
    .sort();
}

/** The elements of a vendored fixture, by file name. */
export function fixtureElements(file: string): SceneElement[] {
  return (JSON.parse(readFileSync(resolve(FIXTURES_DIR, file), "utf8")) as { elements: SceneElement[] }).elements;
}
