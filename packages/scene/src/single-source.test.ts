/**
 * The scene vocabulary has one home. Component kinds, their tiers and fills, the
 * font constants and the text width used to be written out in several places and
 * drifted (one copy guessed glyphs at 0.56 em, the others at 0.6). This
 * scan fails when any source file outside this package defines one of them again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../..");
const ROOTS = ["apps", "packages", "server", "tests"];
const SKIP_DIRS = new Set(["node_modules", "dist", "public", ".git"]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** What may be written only in packages/scene/src. */
const DEFINITIONS: readonly { what: string; pattern: RegExp }[] = [
  { what: "a list of component kinds", pattern: /["']client["']\s*,\s*["']edge["']\s*,\s*["']lb["']/ },
  { what: "a union type of component kinds", pattern: /["']client["']\s*\|\s*["']edge["']/ },
  { what: "a tier table", pattern: /\bclient:\s*0\s*,\s*edge:\s*1\b/ },
  { what: "a fill per kind", pattern: /\bclient:\s*["']#[0-9a-f]{6}["']\s*,\s*edge:/i },
  { what: "a per-glyph text width", pattern: /\b\w*(?:GLYPH|_EM)\w*\s*=\s*\d/ },
  {
    what: "a text size from its character or line count",
    pattern: /\b(?:line|text|label|longest)\w*(?:\.length)?\)?\s*\*\s*(?:fontSize|\d)/,
  },
  { what: "a text size from its character count", pattern: /\.length\)+\s*\*\s*\d|\bfontSize\s*\*\s*0\.\d/ },
  { what: "a font family or line height constant", pattern: /\b(?:\w*FONT_FAMILY|LINE_HEIGHT)\s*=\s*[\d{]/ },
];

describe("the scene vocabulary", () => {
  const files = ROOTS.flatMap((root) => sourceFiles(join(REPO, root))).filter(
    (file) => !file.startsWith(join(REPO, "packages/scene/src") + "/"),
  );

  it("scans the workspaces' sources", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("is defined nowhere but in packages/scene", () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const { what, pattern } of DEFINITIONS) {
          if (pattern.test(line)) found.push(`${relative(REPO, file)}:${i + 1} defines ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("imports nothing outside packages/scene/src: it is the leaf everything else builds on", () => {
    const own = sourceFiles(HERE).filter((file) => !file.endsWith(".test.ts"));
    const imports = own.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bfrom\s+["']([^"']+)["']/g)].map(
        (m) => `${relative(HERE, file)} → ${m[1]}`,
      ),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => !line.split(" → ")[1]!.startsWith("./"))).toEqual([]);
  });
});
