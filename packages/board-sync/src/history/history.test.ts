/**
 * The history model: rebuilding a board at moments before and after
 * checkpoints, thinning that keeps what it promises, and restore.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { elementsOf, readScene } from "../doc.ts";
import { testElement } from "../testing/memory-scene.ts";
import { captureUpdates } from "../testing/peers.ts";
import { applyThinning, planThinning, planThinningRead, thinHistory, thinningPolicy } from "./thinning.ts";
import { docAt, mergeToState, stateAt, type HistoryEntry } from "./timeline.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** A board edited step by step: the entries it stored and the board after each step. */
function recordSession(steps: { at: number; edit: (m: Y.Map<unknown>) => void; checkpoint?: boolean }[]) {
  const doc = new Y.Doc();
  const updates = captureUpdates(doc);
  const entries: HistoryEntry[] = [];
  const boards: { at: number; scene: string }[] = [];
  for (const step of steps) {
    doc.transact(() => step.edit(elementsOf(doc)));
    for (const bytes of updates.splice(0)) entries.push({ at: step.at, kind: "update", bytes });
    if (step.checkpoint) entries.push({ at: step.at, kind: "checkpoint", bytes: Y.encodeStateAsUpdate(doc) });
    boards.push({ at: step.at, scene: sceneText(doc) });
  }
  return { doc, entries, boards };
}

const sceneText = (doc: Y.Doc) => JSON.stringify(readScene(doc).elements);
const sceneAt = (entries: HistoryEntry[], at: number) => {
  const doc = docAt(entries, at);
  try {
    return sceneText(doc);
  } finally {
    doc.destroy();
  }
};

const put =
  (id: string, x: number, version = 1) =>
  (m: Y.Map<unknown>) =>
    m.set(id, testElement(id, `a${id}`, { x, version }));

describe("rebuilding a board at a moment", () => {
  const t0 = Date.UTC(2026, 0, 5, 10, 0);
  const steps = [
    { at: t0, edit: put("1", 0) },
    { at: t0 + MIN, edit: put("2", 0) },
    { at: t0 + 2 * MIN, edit: put("1", 50, 2), checkpoint: true },
    { at: t0 + 3 * MIN, edit: put("3", 0) },
    { at: t0 + 4 * MIN, edit: (m: Y.Map<unknown>) => m.delete("2") },
  ];
  const { entries, boards } = recordSession(steps);

  it("shows the board as it was at each step, before and after the checkpoint", () => {
    for (const board of boards) expect(sceneAt(entries, board.at)).toBe(board.scene);
    // Between steps the board is the one of the step before.
    expect(sceneAt(entries, t0 + 3 * MIN + 30_000)).toBe(boards[3]?.scene);
  });

  it("shows an empty board before the first change and the latest board after the last", () => {
    expect(sceneAt(entries, t0 - 1)).toBe("[]");
    expect(sceneAt(entries, t0 + DAY)).toBe(boards.at(-1)?.scene);
  });

  it("rebuilds after a checkpoint from the checkpoint alone, without earlier entries", () => {
    // Drop everything before the checkpoint: moments after it still rebuild.
    const cp = entries.findIndex((e) => e.kind === "checkpoint");
    const tail = entries.slice(cp);
    expect(sceneAt(tail, t0 + 4 * MIN)).toBe(boards[4]?.scene);
  });
});

describe("thinning", () => {
  const now = Date.UTC(2026, 5, 1, 12, 0);
  const policy = thinningPolicy({ everyUpdateHours: 24, perMinuteDays: 7, keepDays: 30 });
  // Edits every 10 s over ten-minute stretches at 40 days, 10 days, 3 days and 1 hour ago.
  const starts = [40 * DAY, 10 * DAY, 3 * DAY, HOUR].map((age) => now - age);
  const steps = starts.flatMap((start, s) =>
    Array.from({ length: 60 }, (_, i) => ({ at: start + i * 10_000, edit: put(`e${s}-${i % 7}`, i, i + 1) })),
  );
  const { entries, boards } = recordSession(steps);
  const thinned = thinHistory(entries, now, policy);

  it("keeps every update of the last day", () => {
    const recent = entries.filter((e) => now - e.at < DAY);
    expect(thinned.filter((e) => now - e.at < DAY)).toHaveLength(recent.length);
    for (const b of boards.filter((x) => now - x.at < DAY)) expect(sceneAt(thinned, b.at)).toBe(b.scene);
  });

  it("keeps one point per minute with activity for the last week, each the board at the end of its minute", () => {
    const week = thinned.filter((e) => now - e.at >= DAY && now - e.at < 7 * DAY);
    const minutes = new Set(
      entries.filter((e) => now - e.at >= DAY && now - e.at < 7 * DAY).map((e) => Math.floor(e.at / MIN)),
    );
    expect(week).toHaveLength(minutes.size);
    for (const point of week) {
      const endOfMinute = boards.filter((b) => Math.floor(b.at / MIN) === Math.floor(point.at / MIN)).at(-1);
      expect(sceneAt(thinned, point.at)).toBe(endOfMinute?.scene);
    }
  });

  it("keeps one point per hour beyond a week, and collapses what is older than the kept days into one checkpoint", () => {
    const older = thinned.filter((e) => now - e.at >= 7 * DAY && now - e.at < 30 * DAY);
    expect(older).toHaveLength(1);
    expect(sceneAt(thinned, older[0]!.at)).toBe(boards.filter((b) => b.at <= older[0]!.at).at(-1)?.scene);
    const base = thinned.filter((e) => now - e.at >= 30 * DAY);
    expect(base).toEqual([expect.objectContaining({ kind: "checkpoint" })]);
  });

  it("ends with the same board and is stable when thinned again", () => {
    expect(sceneAt(thinned, now)).toBe(boards.at(-1)?.scene);
    expect(planThinning(thinned, now, policy).every((r) => r.emit === "keep")).toBe(true);
    expect(thinned.length).toBeLessThan(entries.length);
  });

  it("needs only the stored bytes from the checkpoint before the first change on", () => {
    // A week later the per-minute points of 10 days ago become hourly; nothing before their checkpoint is read.
    const later = now + 5 * DAY;
    const plan = planThinningRead(thinned, later, policy);
    expect(plan).not.toBeNull();
    const { readFrom, readTo } = plan!;
    expect(thinned[readFrom]?.kind).toBe("checkpoint");
    expect(readFrom).toBeGreaterThan(0);
    const replaced = applyThinning(
      thinned,
      plan!,
      thinned.slice(readFrom, readTo).map((e) => e.bytes),
    );
    expect(replaced.map((e) => e.bytes)).toEqual(
      thinHistory(thinned, later, policy)
        .filter((e) => e.to - e.from > 1 || e.bytes !== thinned[e.from]?.bytes)
        .map((e) => e.bytes),
    );
    expect(() => applyThinning(thinned, plan!, [])).toThrow(/needs \d+ stored entries, got 0/);
    expect(planThinningRead(thinHistory(thinned, later, policy), later, policy)).toBeNull();
  });

  it("thins further as the history ages: per-minute points become hourly", () => {
    const later = thinHistory(thinned, now + 5 * DAY, policy);
    const aged = later.filter((e) => now + 5 * DAY - e.at >= 7 * DAY && now + 5 * DAY - e.at < 30 * DAY);
    const hours = new Set(aged.map((e) => Math.floor(e.at / HOUR)));
    expect(aged).toHaveLength(hours.size);
    expect(sceneAt(later, now + 5 * DAY)).toBe(boards.at(-1)?.scene);
  });
});

describe("merged state", () => {
  it("of a checkpoint and what followed equals the board at the end", () => {
    const { doc, entries } = recordSession([
      { at: 1, edit: put("a", 1) },
      { at: 2, edit: put("b", 1), checkpoint: true },
      { at: 3, edit: put("a", 9, 2) },
    ]);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, mergeToState(entries.map((e) => e.bytes)));
    expect(sceneText(merged)).toBe(sceneText(doc));
    expect(stateAt(entries, 0)).toEqual(mergeToState([]));
  });
});
