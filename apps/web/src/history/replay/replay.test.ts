/**
 * Replaying a board's history: idle stretches shortened, the board, clock and
 * finding count as they were at each moment, play / pause / step at each
 * speed, and the diagram check run once per change at most.
 */
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@archboard/board-sync/history";
import { elementsOf } from "@archboard/board-sync";
import { scene } from "@archboard/diagram-lint/testing/scene";
import * as Y from "yjs";
import { advanceClock, startClock } from "../../interview/clock.ts";
import { defaultClock, writeClock } from "../../interview/session.ts";
import { playbackTimeline } from "./playbackTimeline.ts";
import { ReplayCursor } from "./replayCursor.ts";
import { ReplayPlayer, type Ticker } from "./replayPlayer.ts";

const T0 = Date.UTC(2026, 10, 29, 10, 0, 0);
const SECOND = 1000;

/** Records a doc's updates as history entries at a time the test sets. */
function recorder() {
  const doc = new Y.Doc();
  const entries: HistoryEntry[] = [];
  let now = T0;
  doc.on("update", (bytes: Uint8Array) => entries.push({ at: now, kind: "update", bytes }));
  return {
    doc,
    entries,
    at(t: number, change: () => void) {
      now = t;
      doc.transact(change);
    },
    checkpoint(t: number) {
      entries.push({ at: t, kind: "checkpoint", bytes: Y.encodeStateAsUpdate(doc) });
    },
  };
}

/** An API and a database drawn ten seconds apart, then after a long break an arrow, deleted again. */
function session() {
  const r = recorder();
  const drawn = scene()
    .box("api", "API", { x: 0, y: 0 })
    .box("db", "Database", { x: 300, y: 0 })
    .arrow("x", "api", "db", {}).elements;
  const put = (...ids: string[]) => {
    for (const e of drawn) if (ids.includes(e.id)) elementsOf(r.doc).set(e.id, e);
  };
  let clock = startClock(defaultClock(), T0);
  r.at(T0, () => writeClock(r.doc, clock));
  r.at(T0 + 10 * SECOND, () => put("api", "api-label"));
  r.at(T0 + 20 * SECOND, () => put("db", "db-label"));
  r.checkpoint(T0 + 20 * SECOND);
  clock = advanceClock(clock, T0 + 25 * SECOND);
  r.at(T0 + 25 * SECOND, () => writeClock(r.doc, clock));
  // A long break: ten minutes without a change.
  r.at(T0 + 625 * SECOND, () => put("x"));
  const arrow = drawn.find((e) => e.id === "x");
  r.at(T0 + 630 * SECOND, () => elementsOf(r.doc).set("x", { ...arrow, isDeleted: true, version: 2 }));
  return r;
}

const visibleIds = (cursor: ReplayCursor, at: number) => {
  cursor.seek(at);
  return cursor
    .moment(at)
    .elements.filter((e) => e.isDeleted !== true)
    .map((e) => e.id);
};

/** A ticker whose frames run when the test says, each `frameMs` of wall time apart. */
function manualTicker(frameMs = 16) {
  let now = 0;
  let pending: (() => void) | null = null;
  const ticker: Ticker = {
    now: () => now,
    request: (frame) => {
      pending = frame;
      return () => (pending = null);
    },
  };
  return {
    ticker,
    get waiting() {
      return pending !== null;
    },
    /** Runs frames until nothing is scheduled (or `max` frames); returns how many ran. */
    run(max = 100_000) {
      let n = 0;
      while (pending && n < max) {
        const frame: () => void = pending;
        pending = null;
        now += frameMs;
        frame();
        n++;
      }
      return n;
    },
  };
}

describe("playback timeline", () => {
  it("shortens idle stretches and maps both ways", () => {
    const t = playbackTimeline([0, 1_000, 61_000, 62_000], 5_000);
    expect(t.duration).toBe(7_000);
    expect(t.toHistory(500)).toBe(500);
    // Inside the shortened minute history time runs twelve times faster.
    expect(t.toHistory(3_500)).toBe(31_000);
    expect(t.toHistory(6_500)).toBe(61_500);
    expect(t.toPlayback(31_000)).toBe(3_500);
    expect(t.toPlayback(-5)).toBe(0);
    expect(t.toHistory(99_999)).toBe(62_000);
  });

  it("refuses a non-positive idle limit", () => {
    expect(() => playbackTimeline([0, 1], 0)).toThrow(/positive/);
  });
});

describe("replay cursor", () => {
  it("shows the board as it was going forward and back, across a checkpoint", () => {
    const cursor = new ReplayCursor(session().entries, () => 0);
    expect(visibleIds(cursor, T0)).toEqual([]);
    const api = ["api", "api-label"];
    const both = ["api", "api-label", "db", "db-label"];
    expect(visibleIds(cursor, T0 + 15 * SECOND)).toEqual(api);
    expect(visibleIds(cursor, T0 + 627 * SECOND).sort()).toEqual([...both, "x"].sort());
    expect(visibleIds(cursor, T0 + 700 * SECOND).sort()).toEqual(both);
    expect(visibleIds(cursor, T0 + 12 * SECOND)).toEqual(api);
    expect(visibleIds(cursor, T0 + 21 * SECOND).sort()).toEqual(both);
    cursor.destroy();
  });

  it("reads the interview clock as it was", () => {
    const cursor = new ReplayCursor(session().entries, () => 0);
    cursor.seek(T0 + 15 * SECOND);
    const early = cursor.moment(T0 + 15 * SECOND).clock;
    expect(early?.phaseIndex).toBe(0);
    expect(early?.elapsedMs).toBe(15 * SECOND);
    cursor.seek(T0 + 85 * SECOND);
    const later = cursor.moment(T0 + 85 * SECOND).clock;
    expect(later?.phaseIndex).toBe(1);
    expect(later?.elapsedMs).toBe(60 * SECOND);
    expect(later?.totalElapsedMs).toBe(85 * SECOND);
    cursor.destroy();
  });

  it("has no clock on a board without an interview", () => {
    const r = recorder();
    r.at(T0, () => elementsOf(r.doc).set("a", scene().box("a", "", { x: 0, y: 0 }).elements[0]));
    const cursor = new ReplayCursor(r.entries, () => 0);
    cursor.seek(T0);
    expect(cursor.moment(T0).clock).toBeNull();
    cursor.destroy();
  });

  it("counts findings with the real diagram check, once per change", () => {
    let runs = 0;
    const cursor = new ReplayCursor(session().entries);
    const counts: number[] = [];
    for (const at of [T0, T0 + 10 * SECOND, T0 + 20 * SECOND, T0 + 625 * SECOND, T0 + 630 * SECOND]) {
      cursor.seek(at);
      counts.push(cursor.findingCount());
    }
    // Nothing to find on an empty board or a lone API; a database brings findings, the
    // unlabelled arrow more, and deleting it takes them back.
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBeGreaterThan(counts[1] as number);
    expect(counts[3]).toBeGreaterThan(counts[2] as number);
    expect(counts[4]).toBe(counts[2]);
    const counting = new ReplayCursor(session().entries, () => ++runs);
    for (let i = 0; i < 3; i++) {
      counting.seek(T0 + 15 * SECOND);
      counting.findingCount();
      counting.seek(T0 + 22 * SECOND);
      counting.findingCount();
    }
    expect(runs).toBe(2);
    cursor.destroy();
    counting.destroy();
  });
});

describe("replay player", () => {
  it("plays to the end at 60×, the clock and count following, then stops", () => {
    const frames = manualTicker();
    const player = new ReplayPlayer(new ReplayCursor(session().entries), { ticker: frames.ticker });
    const seen: number[] = [];
    player.subscribe((s) => seen.push(s.moment.at));
    player.setSpeed(60);
    player.play();
    const ran = frames.run();
    const end = player.state;
    expect(end.playing).toBe(false);
    expect(end.ended).toBe(true);
    expect(end.moment.at).toBe(T0 + 630 * SECOND);
    expect(end.moment.elements.filter((e) => e.isDeleted !== true)).toHaveLength(4);
    expect(end.moment.clock?.phaseIndex).toBe(1);
    expect(end.findingsAt).toBe(end.moment.at);
    // Every gap is played in at most five seconds: the ten idle minutes too.
    expect(end.duration).toBe(25 * SECOND);
    expect(ran).toBeLessThan(40);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    player.dispose();
  });

  it("pauses, steps change by change and plays again from the start once ended", () => {
    const frames = manualTicker();
    const player = new ReplayPlayer(new ReplayCursor(session().entries), { ticker: frames.ticker });
    player.play();
    frames.run(10);
    player.pause();
    expect(frames.waiting).toBe(false);
    const paused = player.state.moment.at;
    expect(paused).toBeGreaterThan(T0);
    player.step();
    expect(player.state.moment.at).toBe(T0 + 10 * SECOND);
    player.step();
    player.step();
    expect(player.state.moment.at).toBe(T0 + 25 * SECOND);
    expect(player.state.moment.clock?.phaseIndex).toBe(1);
    player.seek(T0 + 630 * SECOND);
    expect(player.state.ended).toBe(true);
    player.step();
    expect(player.state.moment.at).toBe(T0 + 630 * SECOND);
    player.play();
    expect(player.state.moment.at).toBe(T0);
    player.dispose();
  });

  it("lints at most once per interval while playing, and exactly when it stops", () => {
    const r = recorder();
    const boxes = scene();
    for (let i = 0; i < 200; i++) boxes.box(`b${i}`, "", { x: i * 200, y: 0 });
    boxes.elements.forEach((e, i) => r.at(T0 + i * 100, () => elementsOf(r.doc).set(e.id, e)));
    let runs = 0;
    const frames = manualTicker(16);
    const player = new ReplayPlayer(new ReplayCursor(r.entries, (els) => (runs++, els.length)), {
      ticker: frames.ticker,
      lintEveryMs: 250,
    });
    player.setSpeed(16);
    player.play();
    const ran = frames.run();
    // 20 s of history at 16× is 1.25 s of frames: about 78 frames, 200 changes, a handful of lints.
    expect(ran).toBeGreaterThan(50);
    expect(runs).toBeLessThan(12);
    expect(player.state.findings).toBe(200);
    player.dispose();
  });

  it("slows down after a slow frame instead of skipping history", () => {
    const frames = manualTicker(2_000);
    const player = new ReplayPlayer(new ReplayCursor(session().entries, () => 0), {
      ticker: frames.ticker,
      maxFrameMs: 100,
    });
    player.setSpeed(4);
    player.play();
    frames.run(1);
    // Two seconds of wall time passed, but one frame plays at most 100 ms: 400 ms of playback at 4×.
    expect(player.state.position).toBe(400);
    player.dispose();
  });

  it("refuses a speed it does not offer", () => {
    const player = new ReplayPlayer(new ReplayCursor(session().entries, () => 0), { ticker: manualTicker().ticker });
    expect(() => player.setSpeed(3 as 1)).toThrow(/1, 4, 16, 60/);
    player.dispose();
  });
});
