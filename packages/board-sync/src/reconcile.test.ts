import { describe, expect, it } from "vitest";
import { mergeIntoScene, orderByIndex, reconcileElement } from "./reconcile.ts";
import { testElement } from "./testing/memory-scene.ts";

const el = (id: string, index: string | null, version = 1, versionNonce = 1) =>
  testElement(id, index, { version, versionNonce });
const ids = (elements: readonly { id: string }[]) => elements.map((e) => e.id);

describe("reconcileElement", () => {
  it("takes remote when there is no local element", () => {
    const remote = el("a", "a0");
    expect(reconcileElement(undefined, remote, false)).toBe(remote);
  });

  it("keeps local while it is being edited, even when remote is newer", () => {
    const local = el("a", "a0", 1);
    expect(reconcileElement(local, el("a", "a0", 9), true)).toBe(local);
  });

  it("keeps the higher version", () => {
    const local = el("a", "a0", 3);
    const remote = el("a", "a0", 4);
    expect(reconcileElement(local, el("a", "a0", 2), false)).toBe(local);
    expect(reconcileElement(local, remote, false)).toBe(remote);
  });

  it("on equal versions keeps the lower versionNonce, on either side", () => {
    const low = el("a", "a0", 2, 10);
    const high = el("a", "a0", 2, 20);
    expect(reconcileElement(low, high, false)).toBe(low);
    expect(reconcileElement(high, low, false)).toBe(low);
  });
});

describe("orderByIndex", () => {
  it("compares indices by code unit, not by locale", () => {
    // "B" (0x42) sorts before "a" (0x61); localeCompare would put "a" first.
    expect(ids(orderByIndex([el("x", "a"), el("y", "B"), el("z", "Zz")]))).toEqual(["y", "z", "x"]);
  });

  it("breaks equal indices by id", () => {
    expect(ids(orderByIndex([el("q", "a1"), el("p", "a1"), el("r", "a0")]))).toEqual(["r", "p", "q"]);
  });

  it("leaves elements without an index where they were", () => {
    const input = [el("c", "a2"), el("old1", null), el("a", "a0"), el("old2", null), el("b", "a1")];
    expect(ids(orderByIndex(input))).toEqual(["a", "old1", "b", "old2", "c"]);
  });

  it("does not modify its input", () => {
    const input = [el("b", "a1"), el("a", "a0")];
    orderByIndex(input);
    expect(ids(input)).toEqual(["b", "a"]);
  });
});

describe("mergeIntoScene", () => {
  const scene = [el("a", "a0"), el("b", "a1"), el("c", "a2"), el("d", "a3")];

  it("replaces an element in place when its index is unchanged", () => {
    const next = el("b", "a1", 2);
    const out = mergeIntoScene(scene, [next]);
    expect(ids(out)).toEqual(["a", "b", "c", "d"]);
    expect(out[1]).toBe(next);
    expect(ids(scene)).toEqual(["a", "b", "c", "d"]);
  });

  it("inserts new elements and moves re-indexed ones by index", () => {
    const out = mergeIntoScene(scene, [el("n", "a1V"), el("a", "a4", 2), el("m", "Zz")]);
    expect(ids(out)).toEqual(["m", "b", "n", "c", "d", "a"]);
  });

  it("agrees with a full sort for any batch", () => {
    const incoming = [el("x", "a2"), el("c", "a0", 2), el("y", "b0")];
    expect(ids(mergeIntoScene(scene, incoming))).toEqual(
      ids(orderByIndex([...scene.filter((e) => e.id !== "c"), ...incoming])),
    );
  });

  it("keeps unindexed scene elements in place and puts new unindexed ones on top", () => {
    const mixed = [el("a", "a0"), el("old", null), el("b", "a2")];
    expect(ids(mergeIntoScene(mixed, [el("n", "a1"), el("new", null), el("old", null, 2)]))).toEqual([
      "a",
      "old",
      "n",
      "b",
      "new",
    ]);
  });
});
