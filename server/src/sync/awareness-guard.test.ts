import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import {
  AwarenessOwners,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  MAX_IDS_PER_CONNECTION,
  stampRole,
} from "./awareness-guard.ts";

describe("awareness guard", () => {
  it("decodes and re-encodes y-protocols awareness updates byte for byte", () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: "Ann", color: "#ff0000" }, role: "candidate" });
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID]);
    const entries = decodeAwarenessEntries(update);
    expect(entries).toEqual([{ clientId: awareness.clientID, clock: 1, state: expect.stringContaining('"Ann"') }]);
    expect(encodeAwarenessEntries(entries)).toEqual(update);
    awareness.destroy();
  });

  it("refuses an update claiming more entries than its bytes hold", () => {
    expect(() => decodeAwarenessEntries(Uint8Array.from([0xff, 0xff, 0xff, 0x0f, 1, 1, 0]))).toThrow(/claims/);
  });

  it("stamps the token's role over the claimed one, and removes a role nobody was given", () => {
    const claimed = JSON.stringify({ user: { name: "Eve", color: "#000000" }, role: "interviewer" });
    expect(JSON.parse(stampRole(claimed, "observer"))).toEqual({
      user: { name: "Eve", color: "#000000" },
      role: "observer",
    });
    expect(JSON.parse(stampRole(claimed, null))).toEqual({ user: { name: "Eve", color: "#000000" } });
    expect(stampRole("null", "observer")).toBe("null");
    expect(() => stampRole("{not json", "observer")).toThrow();
  });

  it("binds each client id to the first connection that announces it, within a quota", () => {
    const owners = new AwarenessOwners<string>();
    expect(owners.claim("a", 1)).toBe("own");
    expect(owners.claim("a", 1)).toBe("own");
    expect(owners.claim("b", 1)).toBe("taken");
    for (let id = 2; id <= MAX_IDS_PER_CONNECTION; id++) expect(owners.claim("a", id)).toBe("own");
    expect(owners.claim("a", 999)).toBe("quota");
    expect(owners.release("a").sort()).toEqual(Array.from({ length: MAX_IDS_PER_CONNECTION }, (_, i) => i + 1));
    expect(owners.claim("b", 1)).toBe("own");
    expect(owners.ownerOf(1)).toBe("b");
  });
});
