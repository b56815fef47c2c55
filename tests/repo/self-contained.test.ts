import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The repository must work from a fresh clone in an empty folder: nothing it holds may
 * point at files beside it. Every tracked text file is checked.
 */
const ROOT = resolve(import.meta.dirname, "../..");

/** Git's own test for binary content: a NUL byte near the start. */
const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);

function trackedTextFiles(): Array<{ path: string; text: string }> {
  const paths = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  const files: Array<{ path: string; text: string }> = [];
  for (const path of paths) {
    const bytes = readFileSync(resolve(ROOT, path));
    if (!isBinary(bytes)) files.push({ path, text: bytes.toString("utf8") });
  }
  return files;
}

/** `file:line: text` for every line of `text` where `match` finds something. */
function hits(path: string, text: string, match: (line: string) => string | null): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    const what = match(line);
    if (what) found.push(`${path}:${i + 1}: ${what}`);
  });
  return found;
}

// Built from parts so that this file does not name the folder it forbids.
const SIBLING_FOLDER = [".", ".", "/", "shared"].join("");

/**
 * A run of `..` segments used as a path: quoted, after a slash-free boundary, not part
 * of `...` or of a word ("and so on.."). Resolved from the file's own folder, which is
 * as deep as any folder a relative path in it could be meant from.
 */
const CLIMB_RE = /(?<![\w.])\.\.(?:\/\.\.)*(?![\w.])/g;

describe("the repository stands on its own", () => {
  const files = trackedTextFiles();

  it("checks the tracked files", () => {
    expect(files.map((f) => f.path)).toContain("package.json");
  });

  it(`no tracked file mentions the folder ${JSON.stringify(SIBLING_FOLDER)}`, () => {
    const found = files.flatMap((f) =>
      hits(f.path, f.text, (line) => (line.includes(SIBLING_FOLDER) ? line.trim() : null)),
    );
    expect(found).toEqual([]);
  });

  it("no relative path climbs above the repository root", () => {
    const found = files.flatMap((f) => {
      const depth = dirname(f.path) === "." ? 0 : dirname(f.path).split("/").length;
      return hits(f.path, f.text, (line) => {
        for (const m of line.matchAll(CLIMB_RE)) {
          const ups = m[0].split("/").length;
          if (ups > depth) return `${m[0]} climbs ${ups} folders from a file ${depth} deep: ${line.trim()}`;
        }
        return null;
      });
    });
    expect(found).toEqual([]);
  });
});
