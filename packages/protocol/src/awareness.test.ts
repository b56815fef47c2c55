import { describe, expect, it } from "vitest";
import { parseAwarenessState } from "./awareness.ts";

describe("awareness state", () => {
  const valid = {
    user: { name: "Ada", color: "#1971c2" },
    role: "candidate",
    pointer: { x: 10, y: -4.5, tool: "laser", button: "down" },
    selectedElementIds: ["a", "b"],
    idle: "active",
    viewport: { x1: 0, y1: 0, x2: 1200, y2: 800 },
  };

  it("accepts a full presence and a minimal one", () => {
    expect(parseAwarenessState(valid)).toEqual(valid);
    expect(parseAwarenessState({ user: { name: "Bo", color: "#000000" } })).toEqual({
      user: { name: "Bo", color: "#000000" },
    });
  });

  it("rejects what would break rendering or could be abused", () => {
    expect(parseAwarenessState(null)).toBeNull();
    expect(parseAwarenessState({})).toBeNull();
    expect(parseAwarenessState({ ...valid, user: { name: "", color: "#000000" } })).toBeNull();
    expect(parseAwarenessState({ ...valid, user: { name: "x".repeat(41), color: "#000000" } })).toBeNull();
    expect(parseAwarenessState({ ...valid, user: { name: "Ada", color: "red; background:url(x)" } })).toBeNull();
    expect(
      parseAwarenessState({ ...valid, pointer: { x: Number.NaN, y: 0, tool: "pointer", button: "up" } }),
    ).toBeNull();
    expect(parseAwarenessState({ ...valid, role: "admin" })).toBeNull();
    expect(
      parseAwarenessState({ ...valid, selectedElementIds: Array.from({ length: 5001 }, (_, i) => `${i}`) }),
    ).toBeNull();
  });
});
