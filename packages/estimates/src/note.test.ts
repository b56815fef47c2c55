import { describe, expect, it } from "vitest";
import { estimateFromTexts } from "./derive.ts";
import type { EstimateTexts } from "./fields.ts";
import { noteLines } from "./note.ts";

const lines = (texts: EstimateTexts) => noteLines(estimateFromTexts(texts));

describe("the estimates note", () => {
  it("sums a full estimate up in four lines", () => {
    expect(
      lines({
        dau: "100M",
        writesPerUser: "2",
        readsPerUser: "20",
        writeSize: "1KB",
        retention: "5 years",
        serverQps: "1k",
      }),
    ).toEqual([
      "100 M DAU × 20 reads, 2 writes a day",
      "Peak 76.4 k/s: reads 69.4 k/s, writes 6.94 k/s (avg 25.5 k/s)",
      "Storage 200 GB/day, 73 TB/year; 1.1 PB for 5 years",
      "Bandwidth in 6.94 MB/s · out 69.4 MB/s · cache 400 GB · 77 servers",
    ]);
  });

  it("shows the classic with its average", () => {
    expect(lines({ dau: "100M", readsPerUser: "10" })).toEqual([
      "100 M DAU × 10 reads a day",
      "Peak reads 34.7 k/s (avg 11.6 k/s)",
    ]);
  });

  it("is empty when nothing is stated", () => {
    expect(lines({})).toEqual([]);
  });
});
