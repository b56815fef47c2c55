/**
 * Every derived figure against arithmetic done by hand (INTERVIEW-style: per day =
 * users × per user; average = per day / 86,400 s; peak = average × factor).
 */
import { describe, expect, it } from "vitest";
import { deriveEstimate, figureOf, type DerivedId, type Estimate } from "./derive.ts";
import { readInputs, type EstimateTexts } from "./fields.ts";

function estimate(texts: EstimateTexts): Estimate {
  const { inputs, errors } = readInputs(texts);
  expect(errors).toEqual({});
  return deriveEstimate(inputs);
}

function figure(e: Estimate, id: DerivedId) {
  const f = figureOf(e, id);
  if (!f) throw new Error(`no ${id}`);
  return f;
}

describe("the classic: 100 M users × 10 per day", () => {
  const e = estimate({ dau: "100M", readsPerUser: "10" });

  it("is 1 B per day, not 10 B", () => {
    expect(figure(e, "readsPerDay")).toMatchObject({ value: 1e9, display: "1 B/day", numbers: "100 M × 10 = 1 B/day" });
  });

  it("is ≈ 11.6 k/s on average, not 115 k/s", () => {
    const avg = figure(e, "avgReadQps");
    expect(avg.value).toBeCloseTo(11_574.07, 2);
    expect(avg.numbers).toBe("1 B/day / 86,400 s ≈ 11.6 k/s");
    expect(avg.words).toBe("reads per day / 86,400 s");
  });

  it("peaks at 3× the average when no factor is stated, and says so", () => {
    expect(figure(e, "peakReadQps")).toMatchObject({ display: "34.7 k/s", numbers: "11.6 k/s × 3 ≈ 34.7 k/s" });
    expect(e.assumptions).toContain("Peak factor 3× (default)");
  });

  it("derives nothing it has no inputs for", () => {
    expect(e.figures.map((f) => f.id)).toEqual(["readsPerDay", "avgReadQps", "peakReadQps"]);
  });
});

describe("a full estimate: 100M DAU, 2 writes and 20 reads a day, 1 KB, 5 years", () => {
  const e = estimate({
    dau: "100M",
    writesPerUser: "2",
    readsPerUser: "20",
    writeSize: "1KB",
    retention: "5 years",
    replication: "3",
    cacheHitRatio: "80%",
    serverQps: "1k QPS",
    peakFactor: "3x",
  });
  const rows: [DerivedId, number, string, string][] = [
    ["requestsPerDay", 2.2e9, "2.2 B/day", "100 M × 22 = 2.2 B/day"],
    ["avgQps", 2.2e9 / 86_400, "25.5 k/s", "2.2 B/day / 86,400 s ≈ 25.5 k/s"],
    ["peakQps", (3 * 2.2e9) / 86_400, "76.4 k/s", "25.5 k/s × 3 ≈ 76.4 k/s"],
    ["writesPerDay", 2e8, "200 M/day", "100 M × 2 = 200 M/day"],
    ["avgWriteQps", 2e8 / 86_400, "2.31 k/s", "200 M/day / 86,400 s ≈ 2.31 k/s"],
    ["peakWriteQps", 6e8 / 86_400, "6.94 k/s", "2.31 k/s × 3 ≈ 6.94 k/s"],
    ["readsPerDay", 2e9, "2 B/day", "100 M × 20 = 2 B/day"],
    ["avgReadQps", 2e9 / 86_400, "23.1 k/s", "2 B/day / 86,400 s ≈ 23.1 k/s"],
    ["peakReadQps", 6e9 / 86_400, "69.4 k/s", "23.1 k/s × 3 ≈ 69.4 k/s"],
    ["storagePerDay", 2e11, "200 GB/day", "200 M/day × 1 KB = 200 GB/day"],
    ["storagePerYear", 7.3e13, "73 TB", "200 GB/day × 365 = 73 TB"],
    ["storageRetained", 1.095e15, "1.1 PB", "73 TB × 5 years × 3 copies ≈ 1.1 PB"],
    ["bandwidthIn", 6e11 / 86_400, "6.94 MB/s", "6.94 k/s × 1 KB ≈ 6.94 MB/s"],
    ["bandwidthOut", 6e12 / 86_400, "69.4 MB/s", "69.4 k/s × 1 KB ≈ 69.4 MB/s"],
    ["cacheMemory", 4e11, "400 GB", "2 B/day × 20 % × 1 KB = 400 GB"],
    ["dbReadQps", 1.2e9 / 86_400, "13.9 k/s", "69.4 k/s × (1 − 80 %) ≈ 13.9 k/s"],
    ["servers", 77, "77 servers", "76.4 k/s / 1 k/s → 77 servers"],
  ];

  it.each(rows)("%s = %d (%s)", (id, value, display, numbers) => {
    const f = figure(e, id);
    expect(f.value).toBeCloseTo(value, 6);
    expect(f.display).toBe(display);
    expect(f.numbers).toBe(numbers);
  });

  it("states the assumptions it made: read size from the write size, the default hot set", () => {
    expect(e.assumptions).toEqual([
      "Read size 1 KB, the same as a write (assumed)",
      "Hot set 20 % of a day's reads (default)",
    ]);
  });
});

describe("reads and writes from a read:write ratio", () => {
  it("splits actions per user: 11 actions at 10:1 are 10 reads and 1 write", () => {
    const e = estimate({ dau: "1M", actionsPerUser: "11", readWriteRatio: "10:1" });
    expect(figure(e, "readsPerDay").value).toBeCloseTo(1e7, 6);
    expect(figure(e, "writesPerDay").value).toBeCloseTo(1e6, 6);
    expect(figure(e, "requestsPerDay").value).toBeCloseTo(1.1e7, 6);
    expect(e.assumptions).toContain("11 actions per user split 10:1 into 10 reads and 1 write");
  });

  it("takes reads from writes: the URL shortener's 0.1 new URLs at 100:1 are 10 redirects", () => {
    const e = estimate({
      dau: "100M",
      writesPerUser: "0.1",
      readWriteRatio: "100:1",
      writeSize: "500 bytes",
      retention: "10 years",
    });
    expect(figure(e, "readsPerDay").display).toBe("1 B/day");
    expect(figure(e, "peakWriteQps").display).toBe("347/s");
    // 10M URLs/day × 500 bytes × 3,650 days × 3 copies ≈ 55 TB (the prompt bank's figure).
    expect(figure(e, "storageRetained")).toMatchObject({
      display: "54.8 TB",
      numbers: "1.83 TB × 10 years × 3 copies ≈ 54.8 TB",
    });
    expect(e.assumptions).toContain("Reads per user 10 = 0.1 writes × 100 (read:write ratio)");
  });

  it("takes writes from reads", () => {
    const e = estimate({ dau: "200M", readsPerUser: "20", readWriteRatio: "40" });
    expect(figure(e, "writesPerDay").display).toBe("100 M/day");
  });

  it("ignores the ratio when reads and writes are both stated", () => {
    const e = estimate({ dau: "1M", readsPerUser: "5", writesPerUser: "5", readWriteRatio: "100:1" });
    expect(figure(e, "readsPerDay").value).toBe(5e6);
  });
});

describe("servers", () => {
  it("round up, and there is at least one", () => {
    const e = estimate({ dau: "1000", actionsPerUser: "10", serverQps: "1k/s" });
    expect(figure(e, "servers")).toMatchObject({ value: 1, display: "1 server" });
    const big = estimate({ dau: "10M", actionsPerUser: "100", peakFactor: "2", serverQps: "60k/min" });
    // 1 B/day / 86,400 s × 2 = 23,148/s; 1,000 per server → 24.
    expect(figure(big, "servers").value).toBe(24);
  });
});
