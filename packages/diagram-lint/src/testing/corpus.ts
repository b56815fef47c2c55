import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SceneElement } from "../model/elements.ts";

/** The repository root (this file lives in packages/diagram-lint/src/testing). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** Real diagrams drawn by other people, shared next to the repository. */
export const CORPUS_DIR = resolve(REPO_ROOT, "../shared/corpus");

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".excalidraw")).sort();
}

export function corpusElements(file: string): SceneElement[] {
  return (JSON.parse(readFileSync(resolve(CORPUS_DIR, file), "utf8")) as { elements: SceneElement[] }).elements;
}
