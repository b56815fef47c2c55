import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { syncAcrossTabs } from "./tabSync.ts";

const settle = () => new Promise((r) => setTimeout(r, 30));

describe("syncAcrossTabs", () => {
  it("brings a newly opened tab up to date and relays edits both ways", async () => {
    const channel = `test-board-${Math.random()}`;
    const first = new Y.Doc();
    first.getMap("elements").set("a", { id: "a", version: 1 });
    const stopFirst = syncAcrossTabs(first, channel);

    const second = new Y.Doc();
    second.getMap("elements").set("b", { id: "b", version: 1 });
    const stopSecond = syncAcrossTabs(second, channel);
    await settle();
    expect([...second.getMap("elements").keys()].sort()).toEqual(["a", "b"]);
    expect([...first.getMap("elements").keys()].sort()).toEqual(["a", "b"]);

    second.getMap("elements").set("c", { id: "c", version: 1 });
    await settle();
    expect(first.getMap("elements").get("c")).toEqual({ id: "c", version: 1 });

    stopSecond();
    second.getMap("elements").set("d", { id: "d", version: 1 });
    await settle();
    expect(first.getMap("elements").has("d")).toBe(false);
    stopFirst();
  });

  it("ignores garbage on the channel", async () => {
    const channel = `test-board-${Math.random()}`;
    const doc = new Y.Doc();
    const stop = syncAcrossTabs(doc, channel);
    const intruder = new BroadcastChannel(channel);
    intruder.postMessage({ kind: "update", update: new Uint8Array([1, 2, 3]) });
    intruder.postMessage("hello");
    await settle();
    expect(doc.getMap("elements").size).toBe(0);
    intruder.close();
    stop();
  });
});
