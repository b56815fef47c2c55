import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** `import … from "./x.js"` and `import "./x.js"`; not `import("./x.js")`, which loads later. */
const STATIC_RELATIVE_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The files `file` imports statically by relative path, resolved to absolute paths. */
export function relativeImports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(STATIC_RELATIVE_IMPORT)].map((m) => resolve(dirname(file), String(m[1])));
}

/** `entry` and every file it reaches through static relative imports. */
export function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [resolve(entry)];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...relativeImports(file));
  }
  return seen;
}

/**
 * The files a package's web worker shares with the package's main bundle.
 *
 * Left to itself, the bundler folds such small shared files into the main
 * bundle's chunk, and that chunk imports React from the app's entry chunk. The
 * worker then loads the whole app to reach a few lines of helpers, and the
 * app's entry fails in a worker (it renders into `document`). Kept in a chunk
 * of their own, they give the worker a module graph with nothing of the app in it.
 */
export function workerSharedFiles(workerEntry: string, mainEntry: string): Set<string> {
  const worker = staticClosure(workerEntry);
  const main = staticClosure(mainEntry);
  return new Set([...worker].filter((file) => main.has(file) && file !== resolve(workerEntry)));
}
