import { describe, expect, it } from "vitest";
import { readStoredEstimate, storeEstimate } from "./stored.ts";

describe("stored estimates", () => {
  it("keep the typed inputs and read them back", () => {
    const stored = storeEstimate({ dau: " 100M ", readsPerUser: "10", writeSize: "" });
    expect(stored).toEqual({ version: 1, inputs: { dau: "100M", readsPerUser: "10" } });
    expect(readStoredEstimate(JSON.parse(JSON.stringify(stored)))).toEqual({ dau: "100M", readsPerUser: "10" });
  });

  it.each([
    ["not an object", "100M"],
    ["another version", { version: 2, inputs: {} }],
    ["a number for a figure", { version: 1, inputs: { dau: 100e6 } }],
    ["an input far too long", { version: 1, inputs: { dau: "1".repeat(81) } }],
  ])("refuses %s", (_what, data) => {
    expect(readStoredEstimate(data)).toBeNull();
  });

  it("drops fields it does not know", () => {
    expect(readStoredEstimate({ version: 1, inputs: { dau: "1M", colour: "blue" } })).toEqual({ dau: "1M" });
  });
});
