import { describe, expect, it } from "vitest";
import { readField, type FieldId } from "./fields.ts";

const ok: [FieldId, string, number][] = [
  ["dau", "100M", 1e8],
  ["dau", "100 million daily active users", 1e8],
  ["readsPerUser", "20", 20],
  ["readsPerUser", "20 reads per user per day", 20],
  ["writesPerUser", "2/hour", 48],
  ["readWriteRatio", "100:1", 100],
  ["readWriteRatio", "1:10", 0.1],
  ["readWriteRatio", "100 to 1", 100],
  ["readWriteRatio", "10x", 10],
  ["peakFactor", "3x", 3],
  ["peakFactor", "×2.5", 2.5],
  ["writeSize", "2 KB", 2000],
  ["writeSize", "4 KiB", 4096],
  ["readSize", "2mb", 2e6],
  ["retention", "5 years", 5],
  ["retention", "5", 5],
  ["retention", "18 months", 1.5],
  ["replication", "3", 3],
  ["cacheHitRatio", "80%", 0.8],
  ["cacheHitRatio", "0.8", 0.8],
  ["hotSetShare", "20 %", 0.2],
  ["serverQps", "1k QPS", 1000],
  ["serverQps", "60k/min", 1000],
  ["serverQps", "~2000", 2000],
];

const refused: [FieldId, string, RegExp][] = [
  ["dau", "5 TB/day", /^Daily active users is a number of people \(e\.g\. 100M\); “5 TB\/day” is data per day$/],
  ["dau", "12k QPS", /is a rate per second$/],
  ["readsPerUser", "2 KB", /how many a user does in a day .* is an amount of data$/],
  ["writeSize", "1000", /^Payload size per write needs a unit: “1000” bytes\? Type e\.g\. 2 KB/],
  ["writeSize", "100B", /^“100B” reads as 100 billion: for bytes type 100 bytes/],
  ["writeSize", "5 GB/day", /is an amount of data .* is data per day$/],
  ["peakFactor", "0.5x", /at least 1: “0\.5x” would put the peak below the average/],
  ["replication", "2.5", /whole copies/],
  ["cacheHitRatio", "80", /did you mean 80%\?/],
  ["cacheHitRatio", "120%", /at most 100 %/],
  ["retention", "5 GB", /how long data is kept/],
  ["serverQps", "5 ms", /request rate .* is a duration$/],
  ["dau", "10-20M", /is a range/],
];

describe("fields", () => {
  it.each(ok)("%s reads %j as %d", (id, text, value) => {
    const r = readField(id, text);
    expect(r.ok && r.value).toBeCloseTo(value, 9);
  });

  it.each(refused)("%s refuses %j", (id, text, message) => {
    const r = readField(id, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("reads an empty field as not set", () => {
    expect(readField("dau", "  ")).toEqual({ ok: true, value: undefined });
  });
});
