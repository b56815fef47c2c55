/**
 * The report's board by phase: where each phase ends (from the shared clock,
 * pauses included), the board and finding count at each cut rebuilt from the
 * board's real history, and the section both copies of the report carry.
 */
import { describe, expect, it } from "vitest";
import { elementsOf } from "@archboard/board-sync";
import { docAt, type HistoryEntry } from "@archboard/board-sync/history";
import { scene } from "@archboard/diagram-lint/testing/scene";
import * as Y from "yjs";
import { advanceClock, newClock, pauseClock, resumeClock, startClock, type Clock } from "./clock.ts";
import { phaseBoards, phaseCuts } from "./phaseBoards.ts";
import { buildReport } from "./report.ts";
import { writeClock } from "./session.ts";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 29, 9, 0);
const phases = [
  { id: "clarify", label: "Clarify requirements", minutes: 5 },
  { id: "design", label: "High-level design", minutes: 15 },
  { id: "deep", label: "Deep dive", minutes: 15 },
];

describe("phase cut points", () => {
  it("none before the interview starts", () => {
    expect(phaseCuts(newClock(phases), T0)).toEqual([]);
  });

  it("each finished phase at the moment it ended, pauses included, and the running one at the report's time", () => {
    let c = startClock(newClock(phases), T0);
    c = pauseClock(c, T0 + 2 * MIN);
    c = resumeClock(c, T0 + 5 * MIN);
    c = advanceClock(c, T0 + 8 * MIN);
    const cuts = phaseCuts(c, T0 + 10 * MIN);
    expect(cuts.map((x) => [x.label, x.at - T0, x.complete])).toEqual([
      ["Clarify requirements", 8 * MIN, true],
      ["High-level design", 10 * MIN, false],
    ]);
  });

  it("every phase of a finished interview, the last at its end", () => {
    let c = startClock(newClock(phases), T0);
    for (const at of [6, 20, 33]) c = advanceClock(c, T0 + at * MIN);
    expect(c.status).toBe("finished");
    const cuts = phaseCuts(c, T0 + 90 * MIN);
    expect(cuts.map((x) => (x.at - T0) / MIN)).toEqual([6, 20, 33]);
    expect(cuts.every((x) => x.complete)).toBe(true);
  });

  it("estimates the ends of a clock kept before end times were: start plus actual lengths", () => {
    let c = startClock(newClock(phases), T0);
    c = advanceClock(c, T0 + 6 * MIN);
    c = advanceClock(c, T0 + 20 * MIN);
    const old: Clock = { ...c, endedAt: undefined };
    expect(phaseCuts(old, T0 + 25 * MIN).map((x) => (x.at - T0) / MIN)).toEqual([6, 20, 25]);
  });
});

/** A board's history as a room would store it, at times the test sets. */
function interviewHistory() {
  const doc = new Y.Doc();
  const entries: HistoryEntry[] = [];
  let now = T0;
  doc.on("update", (bytes: Uint8Array) => entries.push({ at: now, kind: "update", bytes }));
  const drawn = scene()
    .box("api", "API", { x: 0, y: 0 })
    .box("db", "Database", { x: 300, y: 0 })
    .arrow("x", "api", "db", {})
    .box("cache", "Cache", { x: 300, y: 200 }).elements;
  const put = (at: number, ...ids: string[]) => {
    now = at;
    doc.transact(() => {
      for (const e of drawn) if (ids.includes(e.id)) elementsOf(doc).set(e.id, e);
    });
  };
  let clock = startClock(newClock(phases), T0);
  const tick = (at: number, next: (c: Clock) => Clock) => {
    now = at;
    clock = next(clock);
    writeClock(doc, clock);
  };
  tick(T0, (c) => c);
  put(T0 + 2 * MIN, "api", "api-label");
  tick(T0 + 5 * MIN, (c) => advanceClock(c, T0 + 5 * MIN));
  put(T0 + 7 * MIN, "db", "db-label");
  put(T0 + 9 * MIN, "x");
  tick(T0 + 20 * MIN, (c) => advanceClock(c, T0 + 20 * MIN));
  put(T0 + 25 * MIN, "cache", "cache-label");
  return { entries, clock: () => clock };
}

describe("boards by phase", () => {
  it("rebuilds the board at each cut and counts its findings then", async () => {
    const history = interviewHistory();
    const cuts = phaseCuts(history.clock(), T0 + 30 * MIN);
    const pictured: string[][] = [];
    const boards = await phaseBoards(
      cuts,
      (at) => Promise.resolve(docAt(history.entries, at)),
      (cut) => `phase ${cut.index + 1}.png`,
      (doc) => {
        pictured.push([...elementsOf(doc).keys()].sort());
        return Promise.resolve();
      },
    );
    expect(boards.map((b) => b.label)).toEqual(["Clarify requirements", "High-level design", "Deep dive"]);
    expect(pictured).toEqual([
      ["api", "api-label"],
      ["api", "api-label", "db", "db-label", "x"],
      ["api", "api-label", "cache", "cache-label", "db", "db-label", "x"],
    ]);
    // A lone API has nothing to find; the database and its unlabelled arrow bring findings.
    expect(boards[0]?.findings).toBe(0);
    expect(boards[1]?.findings).toBeGreaterThan(0);
    expect(boards[2]?.complete).toBe(false);
    expect(boards.map((b) => b.file)).toEqual(["phase 1.png", "phase 2.png", "phase 3.png"]);
  });

  it("puts them in both copies of the report, the notes only in the interviewer's", async () => {
    const history = interviewHistory();
    const clock = history.clock();
    const boards = await phaseBoards(
      phaseCuts(clock, T0 + 30 * MIN),
      (at) => Promise.resolve(docAt(history.entries, at)),
      (cut) => `phase ${cut.index + 1}.png`,
    );
    const input = {
      boardTitle: "Mock",
      prompt: null,
      clock,
      findings: [],
      scores: {},
      signal: null,
      notes: [{ id: "n1", at: 5, phaseLabel: "Deep dive", elapsedMs: 60_000, text: "Private remark" }],
      generatedAt: new Date(T0 + 30 * MIN),
      imageFile: "Mock.png",
      phaseBoards: boards,
    };
    for (const includePrivateNotes of [true, false]) {
      const md = buildReport({ ...input, includePrivateNotes });
      expect(md).toContain("## The board by phase");
      expect(md).toContain(`| Clarify requirements | 05:00 | 0 |`);
      expect(md).toContain(`| High-level design | 20:00 | ${boards[1]?.findings} |`);
      expect(md).toContain("| Deep dive (under way) | 30:00 |");
      expect(md).toContain("![The board at the end of “Clarify requirements”](phase 1.png)");
      expect(md).toContain("![The board during “Deep dive”](phase 3.png)");
      expect(md.includes("Private remark")).toBe(includePrivateNotes);
    }
  });
});
