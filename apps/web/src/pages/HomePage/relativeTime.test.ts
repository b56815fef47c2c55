import { describe, expect, it } from "vitest";
import { relativeTime } from "./relativeTime.ts";

describe("relativeTime", () => {
  const now = Date.UTC(2026, 10, 21, 12);
  it("says when a board was last edited in words", () => {
    expect(relativeTime(now - 10_000, now)).toBe("just now");
    expect(relativeTime(now - 50_000, now)).toBe("1 minute ago");
    expect(relativeTime(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(relativeTime(now - 3 * 3600_000, now)).toBe("3 hours ago");
    expect(relativeTime(now - 24 * 3600_000, now)).toBe("yesterday");
    expect(relativeTime(now - 15 * 24 * 3600_000, now)).toBe("2 weeks ago");
    expect(relativeTime(now - 400 * 24 * 3600_000, now)).toBe("last year");
  });
});
