import { describe, expect, it } from "vitest";
import { TokenBucket } from "./rate-limit.ts";

describe("TokenBucket", () => {
  it("allows a burst, then refills at the configured rate", () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    const burst = Array.from({ length: 8 }, () => bucket.take());
    expect(burst).toEqual([true, true, true, true, true, false, false, false]);
    now += 300; // 3 tokens at 10/s
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });

  it("never holds more than the burst, however long it idles", () => {
    let now = 0;
    const bucket = new TokenBucket(100, 3, () => now);
    now += 60_000;
    expect(Array.from({ length: 5 }, () => bucket.take())).toEqual([true, true, true, false, false]);
  });
});
