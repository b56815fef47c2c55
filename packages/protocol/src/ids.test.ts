import { describe, expect, it } from "vitest";
import { newBoardId, parseBoardId } from "./ids.ts";

describe("board ids", () => {
  it("generates distinct, valid ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newBoardId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(parseBoardId(id)).toBe(id);
  });

  it("rejects ids that could break a URL, a path or a room name", () => {
    for (const bad of [
      "",
      "short",
      "../../etc/passwd",
      "a b c d e f g h",
      "x".repeat(65),
      "ok-but-é-accent",
      42,
      null,
    ]) {
      expect(parseBoardId(bad)).toBeNull();
    }
    expect(parseBoardId("abc_DEF-1234")).toBe("abc_DEF-1234");
  });
});
