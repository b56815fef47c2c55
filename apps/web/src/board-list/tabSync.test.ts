import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { syncAcrossTabs } from "./tabSync.ts";

const keys = (doc: Y.Doc) => [...doc.getMap("elements").keys()].sort();

describe("syncAcrossTabs", () => {
  it("brings a newly opened tab up to date and relays edits both ways", async () => {
    const channel = `test-board-${Math.random()}`;
    const first = new Y.Doc();
    first.getMap("elements").set("a", { id: "a", version: 1 });
    const stopFirst = syncAcrossTabs(first, channel);

    const second = new Y.Doc();
    second.getMap("elements").set("b", { id: "b", version: 1 });
    const stopSecond = syncAcrossTabs(second, channel);
    await vi.waitFor(() => {
      expect(keys(second)).toEqual(["a", "b"]);
      expect(keys(first)).toEqual(["a", "b"]);
    });

    second.getMap("elements").set("c", { id: "c", version: 1 });
    await vi.waitFor(() => expect(first.getMap("elements").get("c")).toEqual({ id: "c", version: 1 }));

    // A closed tab sends nothing more: its edit never arrives, while a later tab's does.
    stopSecond();
    second.getMap("elements").set("d", { id: "d", version: 1 });
    const third = new Y.Doc();
    const stopThird = syncAcrossTabs(third, channel);
    third.getMap("elements").set("e", { id: "e", version: 1 });
    await vi.waitFor(() => expect(first.getMap("elements").has("e")).toBe(true));
    expect(first.getMap("elements").has("d")).toBe(false);
    stopThird();
    stopFirst();
  });

  it("ignores garbage on the channel", async () => {
    const channel = `test-board-${Math.random()}`;
    const doc = new Y.Doc();
    const stop = syncAcrossTabs(doc, channel);
    const intruder = new BroadcastChannel(channel);
    intruder.postMessage({ kind: "update", update: new Uint8Array([1, 2, 3]) });
    intruder.postMessage("hello");
    // A valid update sent after the garbage arrives after it, so once it is applied the garbage has been seen.
    const honest = new Y.Doc();
    honest.getMap("elements").set("ok", { id: "ok", version: 1 });
    intruder.postMessage({ kind: "update", update: Y.encodeStateAsUpdate(honest) });
    await vi.waitFor(() => expect(keys(doc)).toEqual(["ok"]));
    intruder.close();
    stop();
  });
});
