import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagramSet, FIXTURES_DIR } from "@archboard/diagram-lint/testing/corpus";

/**
 * The vendored diagrams are other people's work: each must say where it came from and
 * under which licence, and stay exactly as its author published it.
 */
const REDISTRIBUTABLE = new Set([
  "MIT",
  "MIT OR Apache-2.0",
  "Apache-2.0",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "ISC",
  "CC0-1.0",
  "CC-BY-4.0",
  "Unlicense",
  "MPL-2.0",
]);

function manifest(): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(resolve(FIXTURES_DIR, "MANIFEST.tsv"), "utf8").trimEnd().split("\n");
  const columns = header!.split("\t");
  return lines.map((line) => {
    const cells = line.split("\t");
    expect(cells, line).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]!]));
  });
}

describe("vendored diagrams", () => {
  const rows = manifest();

  it("lists every diagram in the folder, and only those", () => {
    const files = readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith(".excalidraw"))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.file).sort()).toEqual(files);
  });

  it("names each one's source, commit, licence and copyright holder, with the licence text", () => {
    const licenceFiles = new Set(readdirSync(resolve(FIXTURES_DIR, "LICENSES")).map((f) => `LICENSES/${f}`));
    for (const r of rows) {
      expect(r.repo, r.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(r.path, r.file).not.toBe("");
      expect(r.commit, r.file).toMatch(/^[0-9a-f]{40}$/);
      expect(REDISTRIBUTABLE, `${r.file}: ${r.license}`).toContain(r.license);
      expect(r.copyright_holder, r.file).not.toBe("");
      expect(licenceFiles, r.file).toContain(r.license_file);
      const text = readFileSync(resolve(FIXTURES_DIR, r.license_file!), "utf8");
      expect(text, r.file).toContain(`https://github.com/${r.repo} `);
      expect(text, r.file).toContain(r.commit);
    }
    expect(new Set(rows.map((r) => r.license_file))).toEqual(licenceFiles);
  });

  it("keeps each file as published: same size and live element count as recorded", () => {
    for (const r of rows) {
      const path = resolve(FIXTURES_DIR, r.file!);
      expect(statSync(path).size, r.file).toBe(Number(r.bytes));
      const scene = JSON.parse(readFileSync(path, "utf8")) as {
        type: string;
        elements: Array<{ isDeleted?: boolean }>;
      };
      expect(scene.type, r.file).toBe("excalidraw");
      expect(scene.elements.filter((e) => !e.isDeleted).length, r.file).toBe(Number(r.elements));
    }
  });
});

describe("the diagram set tests walk", () => {
  const tmp = mkdtempSync(join(tmpdir(), "corpus-dir-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("is the vendored folder unless CORPUS_DIR is set", () => {
    const set = diagramSet({});
    expect(set.dir).toBe(FIXTURES_DIR);
    expect(set.files).toEqual(
      manifest()
        .map((r) => r.file)
        .sort(),
    );
    expect(set.description).toMatch(/vendored.*CORPUS_DIR/);
  });

  it("is the folder CORPUS_DIR names, when set", () => {
    const dir = join(tmp, "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "b.excalidraw"), "{}");
    writeFileSync(join(dir, "a.excalidraw"), "{}");
    writeFileSync(join(dir, "notes.txt"), "");
    const set = diagramSet({ CORPUS_DIR: dir });
    expect(set).toMatchObject({ dir, files: ["a.excalidraw", "b.excalidraw"] });
    expect(set.description).toContain(dir);
  });

  it("refuses a CORPUS_DIR that is missing or holds no diagrams, rather than checking nothing", () => {
    expect(() => diagramSet({ CORPUS_DIR: join(tmp, "nope") })).toThrow(/CORPUS_DIR=.*nope is not a folder/);
    const empty = join(tmp, "empty");
    mkdirSync(empty);
    expect(() => diagramSet({ CORPUS_DIR: empty })).toThrow(/holds no \.excalidraw files/);
  });
});
