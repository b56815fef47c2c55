/**
 * The History panel rebuilds past moments from the browser's history store
 * (the real IndexedDB code on fake-indexeddb): scrubbing forward, back and
 * across checkpoints must always show exactly the board of that moment.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { newBoardId } from "@archboard/protocol";
import * as Y from "yjs";
import { HistoryDb } from "./historyDb.ts";
import { localHistorySource } from "./historySource.ts";
import { recordHistory } from "./recordHistory.ts";

const element = (id: string, version: number, isDeleted = false) => ({
  id,
  type: "rectangle",
  version,
  versionNonce: version,
  index: `a${id}`,
  isDeleted,
});

describe("rebuilding the board at a past moment from this browser's history", () => {
  it("shows each moment exactly, scrubbing forward, back and across checkpoints", async () => {
    let clock = Date.UTC(2026, 3, 1, 10, 0);
    const doc = new Y.Doc();
    const db = await HistoryDb.open(newBoardId());
    const recorder = recordHistory(doc, db, { checkpointEvery: 3, now: () => clock });
    const expected = new Map<number, string[]>();
    const live = new Map<string, boolean>();
    for (let i = 0; i < 12; i++) {
      clock += 1000;
      const elements = doc.getMap<unknown>("elements");
      // Every third step deletes the element drawn two steps before.
      if (i % 3 === 2) {
        const gone = `e${i - 2}`;
        elements.set(gone, element(gone, 2, true));
        live.set(gone, false);
      } else {
        elements.set(`e${i}`, element(`e${i}`, 1));
        live.set(`e${i}`, true);
      }
      expected.set(
        clock,
        [...live]
          .filter(([, on]) => on)
          .map(([id]) => id)
          .sort(),
      );
    }
    await recorder.stop();

    const source = localHistorySource(db);
    const points = await source.loadPoints();
    expect(points.length).toBeGreaterThan(12); // checkpoints too
    const visible = async (at: number) =>
      (await source.sceneAt(at)).elements
        .filter((e) => !e.isDeleted)
        .map((e) => e.id)
        .sort();
    const times = [...expected.keys()];
    // Forward one by one, then back, then jumps both ways.
    const order = [...times, ...times.slice().reverse(), times[0]!, times[11]!, times[4]!, times[9]!, times[1]!];
    for (const at of order) expect(await visible(at), `at step ${times.indexOf(at)}`).toEqual(expected.get(at));
    // A moment between two changes is the board after the earlier one.
    expect(await visible(times[5]! + 500)).toEqual(expected.get(times[5]!));
    expect((await source.sceneAt(times[5]! + 500)).at).toBe(times[5]);
    source.dispose();
    db.close();
  });
});
