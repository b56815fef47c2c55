import { readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface PackageJson {
  name?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as PackageJson;

const workspaceDirs = readPackage(".").workspaces ?? [];

/** Folders that hold no source of ours: installed, built or produced by a run. */
const SKIPPED = new Set([
  "node_modules",
  "dist",
  "public",
  ".git",
  ".artifacts",
  "data",
  "test-results",
  "playwright-report",
]);
const SOURCE = /\.(?:ts|tsx|js|mjs|cjs)$/;

/** Source files under `dir`, not descending into other workspaces. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === "." ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (SKIPPED.has(entry.name) || workspaceDirs.some((w) => w === path || w.startsWith(`${path}/`))) continue;
      out.push(...sourceFiles(path));
    } else if (SOURCE.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
const packageOf = (spec: string) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

/**
 * Every bare specifier a file imports: static, dynamic, type-only and
 * re-exports, as TypeScript's own scanner sees them (so import statements
 * quoted inside strings do not count).
 */
function importedPackages(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => !spec.startsWith(".") && !spec.startsWith("/") && !isBuiltin(spec))
    .map(packageOf);
}

/** The DefinitelyTyped package that types `name` when it ships no types: `sarif` → `@types/sarif`, `@a/b` → `@types/a__b`. */
const typesPackageOf = (name: string) => `@types/${name.startsWith("@") ? name.slice(1).replace("/", "__") : name}`;

/** "file imports pkg" for each package a workspace imports but its package.json does not declare. */
function undeclaredImports(dir: string): string[] {
  const pkg = readPackage(dir);
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.devDependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ]);
  const missing = new Set<string>();
  for (const file of sourceFiles(dir)) {
    for (const name of importedPackages(file)) {
      if (name !== pkg.name && !declared.has(name) && !declared.has(typesPackageOf(name)))
        missing.add(`${relative(root, join(root, file))} imports ${name}`);
    }
  }
  return [...missing].sort();
}

describe("each workspace declares the packages it imports", () => {
  it.each([".", ...workspaceDirs])("%s", (dir) => {
    expect(sourceFiles(dir).length).toBeGreaterThan(0);
    expect(undeclaredImports(dir)).toEqual([]);
  });
});
