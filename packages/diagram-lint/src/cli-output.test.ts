import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { embedScene } from "./scene-file/embed-scene.ts";
import { parseSceneFile } from "./scene-file/parse-scene-file.ts";
import { encodePngChunk, PNG_SIGNATURE, readPngChunks } from "./scene-file/png.ts";
import { REPO_ROOT } from "./testing/corpus.ts";
import { sarifSchemaErrors } from "./testing/sarif-schema.ts";
import { scene, standardArchitecture } from "./testing/scene.ts";

const CLI = resolve(REPO_ROOT, "packages/diagram-lint/src/cli.ts");
/** tsx's loader by path: the CLI runs from a temporary project folder, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(resolve(REPO_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const run = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ARCHBOARD_URL: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const board = (elements: unknown[]) =>
  JSON.stringify({
    type: "excalidraw",
    version: 2,
    source: "test",
    elements,
    appState: { viewBackgroundColor: "#fff" },
    files: {},
  });

/** A diagram with warnings only: an unlabelled arrow and a label lying unbound in its box. */
const warnings = () =>
  scene()
    .box("c", "Client", { x: 0, y: 0 })
    .box("api", "API", { x: 300, y: 0, freeLabel: true })
    .arrow("a", "c", "api");

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "lint-cli-out-"));
  mkdirSync(join(dir, "boards/old"), { recursive: true });
  writeFileSync(join(dir, "boards/good.excalidraw"), board(standardArchitecture().elements));
  writeFileSync(join(dir, "boards/old/warn.excalidraw"), board(warnings().elements));
  return dir;
}

describe("lint:diagram CLI output", () => {
  it("takes several files and globs; JSON names each finding's file", () => {
    const dir = project();
    const r = run(dir, "boards/**/*.excalidraw", "--format", "json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
    expect(new Set(out.findings.map((f) => f.file))).toEqual(new Set(["boards/old/warn.excalidraw"]));
    expect(out.findings.map((f) => f.ruleId).sort()).toEqual(["SD002", "SD013"]);
  });

  it("exits 1 when warnings exceed --max-warnings, 0 within it", () => {
    const dir = project();
    // One warning (SD002; SD013 is info).
    const over = run(dir, "boards/old/warn.excalidraw", "--max-warnings", "0");
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("lint:diagram: 1 warning, more than --max-warnings 0\n");
    expect(run(dir, "boards/old/warn.excalidraw", "--max-warnings", "1").code).toBe(0);
  });

  it("reads per-rule settings from the nearest archboard-lint.json above each file", () => {
    const dir = project();
    writeFileSync(
      join(dir, "boards/old/archboard-lint.json"),
      JSON.stringify({ rules: { "arrow-label": "error", SD013: "off" } }),
    );
    const r = run(dir, "boards/old/warn.excalidraw", "--format", "json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string }[] }).findings).toMatchObject([
      { ruleId: "SD002", severity: "error" },
    ]);
    // A file in another folder is not affected.
    expect(run(dir, "boards/good.excalidraw").code).toBe(0);
  });

  it("writes SARIF 2.1.0 that validates against the schema: rules with help links, results with file and element", () => {
    const dir = project();
    const r = run(dir, "boards/**/*.excalidraw", "--format", "sarif", "--docs-url", "https://archboard.example.org/");
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(sarifSchemaErrors(log)).toEqual([]);
    // The validator does catch mistakes: a result without a message is refused.
    expect(sarifSchemaErrors({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: "SD002" }] }] })).not.toEqual([]);
    const runLog = log.runs[0];
    expect(runLog.tool.driver.rules.find((x: { id: string }) => x.id === "SD006")).toMatchObject({
      name: "flow-left-to-right",
      helpUri: "https://archboard.example.org/rules/SD006.html",
      defaultConfiguration: { level: "warning" },
    });
    const result = runLog.results.find((x: { ruleId: string }) => x.ruleId === "SD002");
    expect(result).toMatchObject({
      level: "warning",
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: "boards/old/warn.excalidraw" } },
          logicalLocations: [{ name: "a", kind: "element" }],
        },
      ],
    });
  });

  it("--fix binds labels and arrow ends in an .excalidraw file, keeps its other fields, and reports what it changed", () => {
    const dir = project();
    const file = join(dir, "boards/old/warn.excalidraw");
    const r = run(dir, file, "--fix");
    expect(r.stdout).toContain("fixed SD013 Bind “API” to the rectangle");
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.appState).toEqual({ viewBackgroundColor: "#fff" });
    expect(doc.elements.find((e: { id: string }) => e.id === "api-label").containerId).toBe("api");
    // Run again: nothing left to fix, the SD013 finding is gone.
    expect(run(dir, file, "--fix", "--format", "json").stdout).toBe(
      `${JSON.stringify({ findings: JSON.parse(run(dir, file, "--format", "json").stdout).findings, fixed: [] })}\n`,
    );
    expect(run(dir, file, "--format", "json").stdout).not.toContain("SD013");
  });

  it("--fix on a PNG keeps the image and embeds the fixed scene", () => {
    const dir = project();
    const ihdr = encodePngChunk("IHDR", Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0));
    const idat = encodePngChunk("IDAT", deflateSync(Uint8Array.of(0, 255)));
    const iend = encodePngChunk("IEND", new Uint8Array(0));
    const image = new Uint8Array([...PNG_SIGNATURE, ...ihdr, ...idat, ...iend]);
    const file = join(dir, "board.png");
    writeFileSync(
      file,
      embedScene(image, board(warnings().elements), (b) => deflateSync(b)),
    );
    const r = run(dir, "board.png", "--fix");
    expect(r.stdout).toContain("fixed SD013");
    const bytes = new Uint8Array(readFileSync(file));
    const types = readPngChunks(bytes).map((c) => c.type);
    expect(types).toEqual(["IHDR", "IDAT", "tEXt", "IEND"]);
    expect(readPngChunks(bytes).find((c) => c.type === "IDAT")?.data).toEqual(
      readPngChunks(image).find((c) => c.type === "IDAT")?.data,
    );
    const fixed = parseSceneFile(bytes, "board.png", { inflate: (b) => inflateSync(b) });
    expect(fixed.elements.find((e) => e.id === "api-label")?.containerId).toBe("api");
  });
});
