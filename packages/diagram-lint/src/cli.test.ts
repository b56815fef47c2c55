import { spawnSync } from "node:child_process";
import { mkdtempSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR, REPO_ROOT, diagramSet } from "./testing/corpus.ts";
import { scene } from "./testing/scene.ts";

// What `npm run lint:diagram` runs: the launcher, which bundles `src/cli.ts` when its bundle is stale.
const CLI = resolve(REPO_ROOT, "packages/diagram-lint/bin/lint-diagram.js");
const BUNDLE = resolve(REPO_ROOT, "packages/diagram-lint/dist/cli.js");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "lint-cli-"));
const write = (name: string, content: string | Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("lint:diagram CLI", () => {
  it("lints every real diagram: valid JSON, exit 0 or 1, nothing on stderr", () => {
    const set = diagramSet();
    console.info(`lint:diagram CLI over ${set.description}`);
    expect(set.files.length).toBeGreaterThan(0);
    for (const file of set.files) {
      const r = run(join(set.dir, file), "--format", "json");
      expect([0, 1], file).toContain(r.code);
      expect(r.stderr, file).toBe("");
      const out = JSON.parse(r.stdout) as { findings: { severity: string }[] };
      expect(Object.keys(out)).toEqual(["findings"]);
      expect(r.code).toBe(out.findings.some((f) => f.severity === "error") ? 1 : 0);
    }
  }, 120_000);

  it("prints the file, one line per finding with where it is and what to do, and a summary; exit 1 on an error finding", () => {
    const s = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("x", "", { x: 300, y: 0 })
      .arrow("a", "c", "x", { label: "GET" });
    const file = write("err.excalidraw", JSON.stringify({ type: "excalidraw", version: 2, elements: s.elements }));
    const r = run(file);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(file);
    expect(lines[1]).toMatch(
      /^ {2}error SD001 box-label +at \(300, 0\) +The rectangle at \(300, 0\) \(connected to “Client”\) has no name: double-click it/,
    );
    expect(lines.at(-1)).toMatch(/^\d+ findings? in 1 file: 1 error/);
  });

  it("holds a board exported with its estimate to that estimate, as the panel does", () => {
    const s = scene()
      .box("c", "Client", { x: 0, y: 0 })
      .box("lb", "Load Balancer", { x: 300, y: 0 })
      .box("db", "Database", { x: 600, y: 0 })
      .arrow("in", "c", "lb", { label: "380k QPS" })
      .arrow("q", "lb", "db", { label: "query" });
    const board = { type: "excalidraw", version: 2, elements: s.elements };
    // 100M DAU × 10 reads and 1 write a day, 3× at peak: 38.2k/s, and no payload size.
    const estimates = { version: 1, inputs: { dau: "100M", readsPerUser: "10", writesPerUser: "1" } };
    const ruleIds = (file: string) =>
      (JSON.parse(run(file, "--format", "json").stdout) as { findings: { ruleId: string }[] }).findings
        .map((f) => f.ruleId)
        .filter((id) => /^SD(019|020|021)$/.test(id));
    expect(ruleIds(write("with-estimate.excalidraw", JSON.stringify({ ...board, archboard: { estimates } })))).toEqual([
      "SD019",
      "SD021",
    ]);
    expect(ruleIds(write("without-estimate.excalidraw", JSON.stringify(board)))).toEqual([]);
    const broken = { ...board, archboard: { estimates: { version: 9, inputs: "100M" } } };
    expect(ruleIds(write("odd-estimate.excalidraw", JSON.stringify(broken)))).toEqual([]);
  });

  it("rebuilds its bundle when a source file is newer than it, and lints with the rebuilt one", () => {
    const file = join(FIXTURES_DIR, "hotel-reservation-microservices.excalidraw");
    const first = run(file, "--format", "json");
    expect([0, 1]).toContain(first.code);
    // As if a rule had been edited after the last build: every source is now newer.
    const past = new Date(Date.now() - 3600_000);
    utimesSync(BUNDLE, past, past);
    const again = run(file, "--format", "json");
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(past.getTime() + 1000);
    expect(again.code).toBe(first.code);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe("");
  });

  it("reads a label holding U+FFFD as text, and refuses bytes that are not UTF-8", () => {
    const s = scene().box("c", "Client \uFFFD", { x: 0, y: 0 });
    const ok = run(write("replacement-char.excalidraw", JSON.stringify({ type: "excalidraw", elements: s.elements })));
    expect([0, 1]).toContain(ok.code);
    expect(ok.stderr).toBe("");
    const bytes = new TextEncoder().encode(JSON.stringify({ type: "excalidraw", elements: s.elements }));
    const at = bytes.indexOf(0x43); // the "C" of "Client": an invalid lead byte in its place
    bytes[at] = 0xff;
    const bad = run(write("latin1.excalidraw", bytes));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/neither a PNG nor UTF-8 text/);
  });

  it.each([
    ["a missing file", () => [join(tmp, "nope.excalidraw")], /no such file/],
    ["broken JSON", () => [write("broken.excalidraw", '{"type":')], /not valid JSON/],
    ["an empty file", () => [write("empty.excalidraw", "")], /is empty/],
    ["not a scene", () => [write("pkg.json", '{"name":"x"}')], /not an Excalidraw scene/],
    [
      "a PNG without scene",
      () => [write("plain.png", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))],
      /PNG without/,
    ],
    ["a huge file", () => [write("huge.excalidraw", new Uint8Array(50 * 1024 * 1024 + 10))], /too big/],
    ["no arguments", () => [], /usage/],
    [
      "a glob matching nothing",
      () => [join(tmp, "nothing-here-*.excalidraw")],
      /matches no \.excalidraw or \.png file/,
    ],
    [
      "a bad --max-warnings",
      () => [join(FIXTURES_DIR, "hotel-reservation-microservices.excalidraw"), "--max-warnings", "many"],
      /--max-warnings/,
    ],
    [
      "an unknown rule in --config",
      () => [
        join(FIXTURES_DIR, "hotel-reservation-microservices.excalidraw"),
        "--config",
        write("bad.json", '{"rules":{"SD999":"off"}}'),
      ],
      /unknown rule "SD999"/,
    ],
    [
      "a bad format",
      () => [join(FIXTURES_DIR, "hotel-reservation-microservices.excalidraw"), "--format", "xml"],
      /--format/,
    ],
  ])("exits 2 with a one-line reason on %s", (_name, args, reason) => {
    const r = run(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
