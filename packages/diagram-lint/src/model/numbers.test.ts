import { describe, expect, it } from "vitest";
import { findNumbers } from "./numbers.ts";

describe("findNumbers reads figures the way the estimate's fields do", () => {
  it("keeps what a figure means, not only its kind", () => {
    const [qps] = findNumbers("GET feed 12k QPS");
    expect(qps).toMatchObject({
      kind: "rate",
      text: "12k QPS",
      quantity: { value: 12_000, unit: "count", perSeconds: 1 },
    });
    const [day] = findNumbers("~100s of GBs per day");
    expect(day).toMatchObject({
      kind: "size",
      quantity: { value: 1e11, unit: "bytes", perSeconds: 86_400, qualifier: "~" },
    });
  });

  it.each([
    ["1B/day", "rate"],
    ["500M Tweets Per day", "rate"],
    ["100m active users", "users"],
    ["6.25 TB/s", "bandwidth"],
    ["< 200 ms", "latency"],
    ["2 MB/upload", "size"],
    ["p99 300 ms", "latency"],
  ])("%j holds a %s figure", (text, kind) => {
    expect(findNumbers(text).map((n) => n.kind)).toContain(kind);
  });

  it.each(["10 BTC", "~10k machines", "Scheduler ×3", "R:W = 100:1", "every 20 minutes", "1080p"])(
    "%j is no estimate on a board",
    (text) => {
      expect(findNumbers(text)).toEqual([]);
    },
  );

  it("lists figures in reading order, percentiles included", () => {
    expect(findNumbers("p99 50 ms at 2k req/s").map((n) => n.text)).toEqual(["p99", "50 ms", "2k req/s"]);
  });
});
