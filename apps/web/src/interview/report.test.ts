import { describe, expect, it } from "vitest";
import { advanceClock, newClock, startClock } from "./clock.ts";
import { buildReport, type ReportInput } from "./report.ts";

const MIN = 60_000;
let clock = startClock(
  newClock([
    { id: "clarify", label: "Clarify requirements", minutes: 5 },
    { id: "design", label: "High-level design", minutes: 15 },
  ]),
  0,
);
clock = advanceClock(clock, 7 * MIN);
clock = advanceClock(clock, 19 * MIN);

const input: ReportInput = {
  boardTitle: "Mock: URL shortener",
  prompt: { title: "URL shortener", statement: "Design a URL shortening service like bit.ly." },
  clock,
  findings: [
    {
      ruleId: "SD002",
      alias: "arrow-label",
      severity: "warn",
      message: "Arrow from “API” to “Cache” has no label",
      elementIds: ["a"],
    },
  ],
  scores: { requirements: { score: 3, note: "Asked about | read/write ratio" } },
  signal: "hire",
  notes: [{ id: "n1", at: 5, phaseLabel: "Clarify requirements", elapsedMs: 125_000, text: "Skipped\nconsistency" }],
  includePrivateNotes: true,
  generatedAt: new Date(Date.UTC(2026, 10, 21, 18, 30)),
  imageFile: "Mock- URL shortener.png",
};

describe("buildReport", () => {
  it("has the prompt, planned vs actual timings, the lint summary, the rubric and notes", () => {
    const md = buildReport(input);
    expect(md).toContain("# Mock interview report: URL shortener");
    expect(md).toContain("Design a URL shortening service like bit.ly.");
    expect(md).toContain("| Clarify requirements | 5 min | 7.0 min | +2.0 min |");
    expect(md).toContain("| High-level design | 15 min | 12.0 min | −3.0 min |");
    expect(md).toContain("| **total** | 20 min | 19.0 min | |");
    expect(md).toContain("1 findings: 0 errors, 1 warnings, 0 hints.");
    expect(md).toContain("**SD002** (arrow-label, warn)");
    expect(md).toContain("| Requirements & scoping | 3 / 4 | Asked about \\| read/write ratio |");
    expect(md).toContain("| Scale estimation | – / 4 |  |");
    expect(md).toContain("**Final signal:** Hire");
    expect(md).toContain("- [02:05 · Clarify requirements] Skipped consistency");
    expect(md).toContain("![The board at the end](Mock- URL shortener.png)");
  });

  it("leaves the private notes out of the candidate's copy", () => {
    const md = buildReport({ ...input, includePrivateNotes: false });
    expect(md).not.toContain("Skipped");
    expect(md).not.toContain("Interviewer notes");
    expect(md).toContain("**Final signal:** Hire");
  });
});
