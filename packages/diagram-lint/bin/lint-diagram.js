#!/usr/bin/env node
/**
 * `npm run lint:diagram` as a CI job or an editor runs it: the CLI (`src/cli.ts`) bundled
 * into one plain JavaScript file, `dist/cli.js`, so a run loads one module instead of
 * transpiling sixty. The bundle is rebuilt first when it is missing or when any file it
 * was built from (listed beside it, `dist/cli.inputs.json`) has changed since: a stat
 * per file, about a millisecond, so an edited rule is never run stale.
 *
 * Arguments and exit codes are the CLI's (docs/rules/README.md "CLI").
 */
import { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const pkg = resolve(import.meta.dirname, "..");
const dist = join(pkg, "dist");
const bundle = join(dist, "cli.js");
const inputsFile = join(dist, "cli.inputs.json");

/** True when the bundle exists and no file it was built from is newer (or gone). */
function isFresh() {
  let builtAt, inputs;
  try {
    builtAt = statSync(bundle).mtimeMs;
    inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return false;
  for (const file of inputs) {
    try {
      if (statSync(resolve(pkg, file)).mtimeMs > builtAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Bundles `src/cli.ts` with everything it imports (the workspace packages and npm
 * ones). Written under a temporary name and renamed, so a run started meanwhile (tests
 * lint in parallel) sees either the old bundle or the new one, never half of one.
 */
async function build() {
  // Dated when reading the sources began: a file saved while the build runs is newer than
  // the bundle, so the next run builds again.
  const started = new Date();
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: pkg,
    entryPoints: ["src/cli.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    outfile: bundle,
    metafile: true,
    logLevel: "warning",
    // CommonJS dependencies bundled into an ES module still call `require` for Node's built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
    },
  });
  mkdirSync(dist, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  const inputsTmp = `${inputsFile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  // Relative to the package (`absWorkingDir`), as `isFresh` resolves them.
  writeFileSync(inputsTmp, JSON.stringify(Object.keys(result.metafile.inputs)));
  utimesSync(tmp, started, started);
  renameSync(inputsTmp, inputsFile);
  renameSync(tmp, bundle);
}

if (!isFresh()) await build();
await import(pathToFileURL(bundle).href);
