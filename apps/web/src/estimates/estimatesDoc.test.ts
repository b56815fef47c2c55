import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { figureOf } from "@archboard/estimates";
import {
  boardEstimate,
  observeEstimate,
  readEstimateTexts,
  replaceEstimateTexts,
  setEstimateText,
} from "./estimatesDoc.ts";

/** Two docs kept in step the way a room keeps them: every update applied to the other. */
function pair() {
  const a = new Y.Doc(),
    b = new Y.Doc();
  a.on("update", (u: Uint8Array, origin: unknown) => origin !== "b" && Y.applyUpdate(b, u, "a"));
  b.on("update", (u: Uint8Array, origin: unknown) => origin !== "a" && Y.applyUpdate(a, u, "b"));
  return { a, b };
}

describe("the board's estimate in its doc", () => {
  it("reaches a partner as typed, and derives the same figures there", () => {
    const { a, b } = pair();
    const seen: number[] = [];
    observeEstimate(b, () => seen.push(1));
    setEstimateText(a, "dau", "100M");
    setEstimateText(a, "readsPerUser", "10");
    expect(readEstimateTexts(b)).toEqual({ dau: "100M", readsPerUser: "10" });
    expect(figureOf(boardEstimate(b), "avgReadQps")?.display).toBe("11.6 k/s");
    expect(seen.length).toBe(2);
  });

  it("removes emptied inputs and replaces all inputs as one change", () => {
    const doc = new Y.Doc();
    setEstimateText(doc, "dau", "1M");
    setEstimateText(doc, "dau", "  ");
    expect(readEstimateTexts(doc)).toEqual({});
    let changes = 0;
    observeEstimate(doc, () => changes++);
    replaceEstimateTexts(doc, { dau: "5M drivers", writesPerUser: "7.2k", peakFactor: "2x" });
    expect(changes).toBe(1);
    expect(readEstimateTexts(doc)).toEqual({ dau: "5M drivers", writesPerUser: "7.2k", peakFactor: "2x" });
  });

  it("ignores what is not a known input's text", () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>("estimates");
    map.set("dau", 100);
    map.set("colour", "blue");
    map.set("readsPerUser", "x".repeat(500));
    setEstimateText(doc, "writesPerUser", "2");
    expect(readEstimateTexts(doc)).toEqual({ writesPerUser: "2" });
  });
});
