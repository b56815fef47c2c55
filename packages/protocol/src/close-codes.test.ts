import { describe, expect, it } from "vitest";
import { SYNC_CLOSE, SYNC_RETRY, syncCloseForCode, syncRetryForCode } from "./close-codes.ts";

describe("sync close reasons", () => {
  it("has distinct codes in 4400–4499 (the stock client's do-not-retry range) with short reasons", () => {
    const all = Object.values(SYNC_CLOSE);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    for (const c of all) {
      expect(c.code).toBeGreaterThanOrEqual(4400);
      expect(c.code).toBeLessThan(4500);
      // A close frame's reason is at most 123 bytes.
      expect(Buffer.byteLength(c.reason)).toBeLessThanOrEqual(123);
      expect(c.message).toMatch(/^[A-Z].*\.$/);
      expect(c.title).toMatch(/^[A-Z]/);
      expect(syncCloseForCode(c.code)).toBe(c);
    }
    expect(SYNC_CLOSE.missingToken.message).toBe("This board needs an invite link. Ask the interviewer for yours.");
    expect(SYNC_CLOSE.roomFull.code).toBe(4413);
    expect(syncCloseForCode(1006)).toBeNull();
  });

  it("keeps the closes a reconnect repairs outside that range, so the client comes back", () => {
    for (const c of Object.values(SYNC_RETRY)) {
      expect(c.code < 4400 || c.code >= 4500).toBe(true);
      expect(syncCloseForCode(c.code)).toBeNull();
      expect(syncRetryForCode(c.code)).toBe(c);
      expect(Buffer.byteLength(c.reason)).toBeLessThanOrEqual(123);
      expect(c.message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
