import { describe, expect, it } from "vitest";
import { saysAverage, trafficDirection } from "./direction.ts";
import { textsFromScaleHints, type TrafficHint } from "./prefill.ts";

const traffic = (
  what: string,
  actors: number,
  actorUnit: string,
  perActorPerDay: number,
  peakFactor = 3,
): TrafficHint => ({
  what,
  actors,
  actorUnit,
  perActorPerDay,
  perDay: actors * perActorPerDay,
  peakFactor,
  text: `${actors} ${actorUnit} × ${perActorPerDay} ${what}/day`,
});

describe("traffic direction from words", () => {
  it.each([
    ["GET feed 139k QPS", "read"],
    ["redirect lookup 35k QPS", "read"],
    ["video views", "read"],
    ["new post 3.5k QPS", "write"],
    ["POST /pay 2.3k TPS", "write"],
    ["GPS ping 833k writes/s", "write"],
    ["uploads", "write"],
    ["get upload URL 116 QPS", null],
    ["35k QPS peak", null],
    ["request ride 1.2k QPS", null],
  ])("%j is %s", (text, direction) => {
    expect(trafficDirection(text)).toBe(direction);
  });

  it("knows an average from a peak", () => {
    expect(saysAverage("avg 12k QPS")).toBe(true);
    expect(saysAverage("12k QPS peak")).toBe(false);
  });
});

describe("prefill from a prompt's scale hints", () => {
  it("fills audience, reads, writes, peak and storage as a person would type them", () => {
    const { texts, skipped } = textsFromScaleHints({
      traffic: [traffic("redirects", 100e6, "DAU", 10), traffic("new short URLs", 100e6, "DAU", 0.1)],
      storage: {
        itemsPerDay: 10e6,
        bytesPerItem: 500,
        retentionDays: 3650,
        replication: 3,
        text: "10M URLs/day × 500 bytes",
      },
    });
    expect(texts).toEqual({
      dau: "100M DAU",
      peakFactor: "3x",
      readsPerUser: "10",
      writesPerUser: "0.1",
      writeSize: "500 bytes",
      retention: "10 years",
      replication: "3",
    });
    expect(skipped).toEqual([]);
  });

  it("treats stored items as writes, and leaves out another audience with the reason", () => {
    const { texts, skipped } = textsFromScaleHints({
      traffic: [traffic("location updates", 5e6, "drivers", 7200, 2), traffic("ride requests", 20e6, "DAU", 1, 5)],
      storage: {
        itemsPerDay: 36e9,
        bytesPerItem: 50,
        retentionDays: 30,
        replication: 3,
        text: "36B updates/day × 50 bytes",
      },
    });
    expect(texts).toMatchObject({
      dau: "5M drivers",
      writesPerUser: "7.2k",
      writeSize: "50 bytes",
      retention: "30 days",
    });
    expect(skipped).toEqual([expect.stringMatching(/\(another audience: 20M DAU\)$/)]);
  });

  it("fills nothing for traffic that is not counted per user", () => {
    const { texts, skipped } = textsFromScaleHints({ traffic: [traffic("job runs", 10e3, "tenants", 10_000, 10)] });
    expect(texts).toEqual({});
    expect(skipped).toEqual([expect.stringMatching(/\(not counted per user\)$/)]);
  });
});
