import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "./cli.ts";

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), "cli.ts");

function run(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("estimate CLI", () => {
  it("prints the inputs, each figure with its formula, the assumptions and the rounding rule", () => {
    const r = run("--dau", "100M", "--writes-per-user", "2", "--reads-per-user", "20", "--size", "1KB");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Daily active users\s+100M\s+100 M$/m);
    expect(r.stdout).toMatch(
      /^Average read QPS\s+23\.1 k\/s\s+reads per day \/ 86,400 s: 2 B\/day \/ 86,400 s ≈ 23\.1 k\/s$/m,
    );
    expect(r.stdout).toMatch(/^Storage per day\s+200 GB\/day\s+/m);
    expect(r.stdout).toMatch(/^Assumptions: Peak factor 3× \(default\);/m);
    expect(r.stdout).toMatch(/^Rounding: Three significant digits/m);
  });

  it("prints the same figures as JSON", () => {
    const r = run("--dau", "100M", "--reads-per-user", "10", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      inputs: Record<string, unknown>;
      figures: { id: string; display: string; numbers: string }[];
    };
    expect(json.inputs["dau"]).toEqual({ text: "100M", value: 1e8, display: "100 M" });
    expect(json.figures.find((f) => f.id === "avgReadQps")).toMatchObject({
      display: "11.6 k/s",
      numbers: "1 B/day / 86,400 s ≈ 11.6 k/s",
    });
  });

  it("exits 2 with one line on stderr when a figure cannot be read", () => {
    const r = run("--dau", "lots");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^--dau: No number in “lots”: type a figure/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    [["--size", "100B"], /^--size: “100B” reads as 100 billion/],
    [["--users", "5"], /^unknown option --users/],
    [["--dau"], /^--dau needs a value$/m],
    [["--dau", "1M", "--format", "xml"], /^--format is text or json, not xml$/m],
    [[], /^usage: npm run estimate --/],
  ])("refuses %j with one line and exit 2", (args, message) => {
    let out = "",
      err = "";
    const code = main(
      args,
      (s) => (out += s),
      (s) => (err += s),
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trim().split("\n")).toHaveLength(1);
  });
});
