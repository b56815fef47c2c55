import { describe, expect, it } from "vitest";
import { newRoomId, notesRoomName, parseRoomId, roleCanReadNotes, roleCanWrite, RoleSchema } from "./rooms.ts";

describe("room ids", () => {
  it("generates distinct, valid, 22-character ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRoomId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toHaveLength(22);
      expect(parseRoomId(id)).toBe(id);
    }
  });

  it("rejects short ids and anything that could break a path or URL", () => {
    for (const bad of [
      "",
      "abc_DEF-1234",
      "../../etc/passwd/xx",
      "a b c d e f g h i j",
      "x".repeat(65),
      "room%2Fwith%2Fslash",
      7,
      null,
    ]) {
      expect(parseRoomId(bad)).toBeNull();
    }
    expect(parseRoomId("abcdefgh_IJKLMN-0")).toBe("abcdefgh_IJKLMN-0");
  });
});

describe("roles", () => {
  it("lets every role but observer write", () => {
    expect(RoleSchema.options.filter(roleCanWrite)).toEqual(["interviewer", "candidate"]);
  });

  it("lets only the interviewer open the notes document, a room of its own", () => {
    expect(RoleSchema.options.filter(roleCanReadNotes)).toEqual(["interviewer"]);
    expect(notesRoomName("r".repeat(22))).toBe(`${"r".repeat(22)}/notes`);
  });
});
