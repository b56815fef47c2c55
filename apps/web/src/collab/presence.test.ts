import { describe, expect, it } from "vitest";
import { collaboratorsFrom, stateOf } from "./presence.ts";

describe("collaboratorsFrom", () => {
  const states = new Map<number, unknown>([
    [1, { user: { name: "Me", color: "#000000" } }],
    [
      2,
      {
        user: { name: "Ada", color: "#1971c2" },
        pointer: { x: 5, y: 6, tool: "laser", button: "down" },
        selectedElementIds: ["r1"],
        idle: "away",
      },
    ],
    [3, { user: { name: "", color: "#1971c2" } }],
    [4, { hello: "world" }],
    [5, { user: { name: "Bo", color: "#2f9e44" } }],
  ]);

  it("lists the other valid participants with cursors, lasers and selections", () => {
    const map = collaboratorsFrom(states, 1);
    expect([...map.keys()]).toEqual(["2", "5"]);
    expect(map.get("2")).toEqual({
      id: "2",
      socketId: "2",
      username: "Ada",
      color: { background: "#1971c2", stroke: "#1971c2" },
      userState: "away",
      pointer: { x: 5, y: 6, tool: "laser" },
      button: "down",
      selectedElementIds: { r1: true },
    });
    expect(map.get("5")?.pointer).toBeUndefined();
  });

  it("finds one participant's state by socket id", () => {
    expect(stateOf(states, "2")?.user.name).toBe("Ada");
    expect(stateOf(states, "4")).toBeNull();
    expect(stateOf(states, "9")).toBeNull();
  });
});
