import { describe, expect, it } from "vitest";
import { CreateRoomRequestSchema } from "./rooms-api.ts";

describe("room requests", () => {
  it("reads an empty object as an open room and fills the interview default", () => {
    expect(CreateRoomRequestSchema.parse({})).toEqual({ mode: "open" });
    expect(CreateRoomRequestSchema.parse({ mode: "interview" })).toEqual({ mode: "interview", ttlHours: 24 });
    expect(CreateRoomRequestSchema.parse({ mode: "interview", ttlHours: 168 })).toEqual({
      mode: "interview",
      ttlHours: 168,
    });
  });

  it("refuses out-of-range lifetimes, unknown modes and stray fields", () => {
    for (const bad of [
      { mode: "interview", ttlHours: 0.5 },
      { mode: "interview", ttlHours: 169 },
      { mode: "x" },
      { ttlHours: 2 },
      { mode: "open", ttlHours: 2 },
      null,
      [],
    ]) {
      expect(CreateRoomRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
