/**
 * Figures as people really write them: typed into a field (`parseQuantity`) or found in a
 * label or note (`findQuantities`). Spellings come from the prompt bank, the templates
 * and real diagrams drawn by other people (the corpus file is named). A reading is
 * "[qualifier]value unit[/time][ per item] measure".
 */
import { describe, expect, it } from "vitest";
import { measureOf } from "./measure.ts";
import { parseQuantity } from "./parse.ts";
import { findQuantities } from "./scan.ts";
import type { Quantity } from "./types.ts";

const TIME: Readonly<Record<number, string>> = {
  1: "s",
  60: "min",
  3600: "h",
  86_400: "day",
  2_592_000: "month",
  31_536_000: "year",
};

function reading(q: Quantity): string {
  const per = q.perSeconds !== undefined ? `/${TIME[q.perSeconds] ?? `${q.perSeconds}s`}` : "";
  const item = q.perItem ? ` per ${q.perItem}` : "";
  return `${q.qualifier ?? ""}${q.value} ${q.unit}${per}${item} ${measureOf(q)}`;
}

/** Typed into a field: the whole text is one figure. */
const TYPED: readonly [string, string, string][] = [
  // The forms every field accepts.
  ["10k", "field", "10000 count count"],
  ["1.5M", "field", "1500000 count count"],
  ["100 million", "field", "100000000 count count"],
  ["5 TB/day", "field", "5000000000000 bytes/day size"],
  ["2 KB", "field", "2000 bytes size"],
  ["3x", "field", "3 factor factor"],
  ["~10k", "field", "~10000 count count"],
  ["12k QPS", "field", "12000 count/s rate"],
  ["1.2k/s", "field", "1200 count/s rate"],
  ["1:10", "field", "0.1 ratio ratio"],
  ["100 to 1", "field (said aloud)", "100 ratio ratio"],
  ["10-to-1 ratio", "field (said aloud)", "10 ratio ratio"],
  ["20%", "field", "0.2 fraction fraction"],
  ["1KB", "CLI example", "1000 bytes size"],
  ["100MM", "field (finance spelling)", "100000000 count count"],
  ["10 lakh", "field (Indian English)", "1000000 count count"],
  ["2 crore users", "field (Indian English)", "20000000 count users"],
  // Prompt bank (scale hints and statements).
  ["100M DAU", "prompt: url-shortener", "100000000 count users"],
  ["10 redirects/day", "prompt: url-shortener", "10 count/day rate"],
  ["1B/day", "prompt: url-shortener", "1000000000 count/day rate"],
  ["11,600/s", "prompt: url-shortener", "11600 count/s rate"],
  ["0.1 new URLs/day", "prompt: url-shortener", "0.1 count/day rate"],
  ["500 bytes", "prompt: url-shortener", "500 bytes size"],
  ["3,650 days", "prompt: url-shortener", "315360000 seconds duration"],
  ["around 100 million daily active users", "prompt: url-shortener", "~100000000 count users"],
  ["100 API calls/day", "prompt: rate-limiter", "100 count/day rate"],
  ["139k/s", "prompt: news-feed", "139000 count/s rate"],
  ["548 TB", "prompt: news-feed", "548000000000000 bytes size"],
  ["20B messages/day", "prompt: chat", "20000000000 count/day rate"],
  ["2.19 PB a year", "prompt: chat", "2190000000000000 bytes/year size"],
  ["about 100,000 uploads a day", "prompt: video-streaming", "~100000 count/day rate"],
  ["6.25 TB/s", "prompt: video-streaming", "6250000000000 bytes/s bandwidth"],
  ["2.5M segment requests/s", "prompt: video-streaming", "2500000 count/s rate"],
  ["5 Mbps", "prompt: video-streaming", "5000000 bits/s bandwidth"],
  ["50 Tbps", "prompt: video-streaming", "50000000000000 bits/s bandwidth"],
  ["7,200 updates/day", "prompt: ride-sharing", "7200 count/day rate"],
  ["86.4B points/day", "prompt: metrics-ingestion", "86400000000 count/day rate"],
  ["232 MB/s", "prompt: file-upload", "232000000 bytes/s bandwidth"],
  ["×3", "prompt: url-shortener", "3 factor factor"],
  // Templates (arrow labels and notes).
  ["93k req/s", "template: starter-rate-limiter", "93000 count/s rate"],
  ["1 req/min", "template: starter-rate-limiter", "1 count/min rate"],
  ["2.3k TPS", "template: starter-payment-system", "2300 count/s rate"],
  ["463k msgs/s", "template: starter-chat", "463000 count/s rate"],
  ["3.5 msgs/s", "template: starter-video-streaming", "3.5 count/s rate"],
  ["3.3M ops/s", "template: starter-ride-sharing", "3300000 count/s rate"],
  ["2 MB/file", "template: starter-file-upload", "2000000 bytes per file size"],
  ["300 MB/video", "template: starter-video-streaming", "300000000 bytes per video size"],
  ["300 ms", "template: sequence-api", "0.3 seconds latency"],
  ["~55 TB", "template: starter-url-shortener", "~55000000000000 bytes size"],
  ["10 tokens/s", "template: starter-rate-limiter", "10 count/s rate"],
  // Real diagrams.
  ["~10k machines", "corpus: distributed-logging", "~10000 count count"],
  ["~100s of GBs per day", "corpus: distributed-logging", "~100000000000 bytes/day size"],
  ["~10s of seconds", "corpus: distributed-logging", "~10 seconds duration"],
  ["600K TPS", "corpus: parking-lot-system-design", "600000 count/s rate"],
  ["6M drivers", "corpus: parking-lot-system-design", "6000000 count users"],
  ["100m active users", "corpus: parking-lot-system-design", "100000000 count users"],
  ["1b url", "corpus: parking-lot-system-design", "1000000000 count count"],
  ["more than 1000 RPS", "corpus: payment-service-provider", ">1000 count/s rate"],
  ["10K clicks per second", "corpus: system-design-allinone", "10000 count/s rate"],
  ["1000requests per second", "corpus: system-design-allinone", "1000 count/s rate"],
  ["500M request per day", "corpus: system-design-allinone", "500000000 count/day rate"],
  ["30GB per day", "corpus: system-design-allinone", "30000000000 bytes/day size"],
  ["1Kb per msg", "corpus: system-design-allinone", "1000 bytes per msg size"],
  ["1000000:1", "corpus: system-design-allinone", "1000000 ratio ratio"],
  ["100B views/day", "corpus: system-design-allinone", "100000000000 count/day rate"],
  ["1M views per second", "corpus: system-design-allinone", "1000000 count/s rate"],
  ["~1.15M events/sec", "corpus: system-design-allinone", "~1150000 count/s rate"],
  ["~7.2GB/node", "corpus: system-design-allinone", "~7200000000 bytes per node size"],
  ["<200ms", "corpus: system-design-allinone", "<0.2 seconds latency"],
  ["5mins", "corpus: system-design-allinone", "300 seconds duration"],
  ["100:1", "corpus: twitter-hld", "100 ratio ratio"],
  ["150M DAU", "corpus: twitter-hld", "150000000 count users"],
  ["500M Tweets Per day", "corpus: twitter-hld", "500000000 count/day rate"],
  ["1,000 users", "corpus: twitter-design-2023", "1000 count users"],
  ["1kb", "corpus: twitter-design-2023", "1000 bytes size"],
  ["2mb", "corpus: twitter-design-2023", "2000000 bytes size"],
  ["1.2 tb", "corpus: twitter-design-2023", "1200000000000 bytes size"],
  ["333 tweets daily", "corpus: twitter-design-2023", "333 count/day rate"],
  ["1 Bn/day", "corpus: twitter-instagram-hld", "1000000000 count/day rate"],
  ["200bytes/tweet", "corpus: twitter-instagram-hld", "200 bytes per tweet size"],
  ["2Tb data/ day", "corpus: twitter-instagram-hld", "2000000000000 bytes/day size"],
  ["1BN DAU", "corpus: twitter-instagram-hld", "1000000000 count users"],
  ["5M uploads/day", "corpus: video-streaming-hld", "5000000 count/day rate"],
  ["200MB", "corpus: video-streaming-hld", "200000000 bytes size"],
  ["1PB", "corpus: video-streaming-hld", "1000000000000000 bytes size"],
  ["1600PB/year", "corpus: instagram-hld-noindex", "1600000000000000000 bytes/year size"],
  ["500 million daily active users", "corpus: instagram-hld-noindex", "500000000 count users"],
  ["~10M/day", "corpus: youtube-hld-large", "~10000000 count/day rate"],
  ["10gb", "corpus: youtube-hld-large", "10000000000 bytes size"],
  ["3.6Billion", "corpus: system-design-allinone", "3600000000 count count"],
  ["1million", "corpus: system-design-allinone", "1000000 count count"],
  ["4 GB", "corpus: kubernetes-notes", "4000000000 bytes size"],
];

/** Typed into a field, and not a figure: the message says what is wrong. */
const WRONG: readonly [string, string, RegExp][] = [
  ["", "field", /^Type a figure/],
  ["lots", "field", /^No number in “lots”/],
  ["a million", "field", /^No number in “a million”/],
  ["10-20k", "field", /is a range: type one figure/],
  ["1 to 10", "field (ranges run upwards)", /is a range: type one figure/],
  ["5 to 1 KB", "field (a unit after: not a ratio)", /is a range: type one figure/],
  ["100K-1M TPS", "corpus: parking-lot-system-design", /is a range: type one figure/],
  ["100M × 10", "field", /is a calculation: type its result/],
  ["5M * 200 MB", "corpus: video-streaming-hld", /is a calculation: type its result/],
  ["3M / 5", "corpus: parking-lot-system-design", /is a calculation: type its result/],
  ["1,5", "field", /use a point for decimals/],
  ["KB 2", "field", /Put the number first/],
  ["-5", "field", /is negative/],
  [".5", "field", /with a leading zero: 0\.5/],
  ["10 billion/day ≈ 115,000 QPS", "a prep guide's sum", /holds more than one figure/],
  ["35k QPS peak!", "template label, typed", /Cannot read “peak!”/],
  ["5 GB (compressed)", "field", /Cannot read “\(compressed\)”/],
];

describe("typed figures", () => {
  it("covers at least 60 real spellings", () => {
    expect(TYPED.length + WRONG.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TYPED)("%j (%s) reads as %s", (text, _source, expected) => {
    const r = parseQuantity(text);
    expect(r.ok ? reading(r.quantity) : r.message).toBe(expected);
  });

  it.each(WRONG)("%j (%s) is refused", (text, _source, message) => {
    const r = parseQuantity(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

/** Found inside labels and notes: every figure, in order. */
const IN_TEXT: readonly [string, string, string[]][] = [
  ["redirect lookup 35k QPS", "template: starter-url-shortener", ["35000 count/s rate"]],
  ["INCR + TTL 93k ops/s", "template: starter-rate-limiter", ["93000 count/s rate"]],
  ["1. POST /pay (p99 300 ms)", "template: sequence-api", ["1 count count", "0.3 seconds latency"]],
  ["Read Replicas ×2", "template: building block", ["2 factor factor"]],
  ["control-plane VPS x3", "corpus: kubernetes-notes", ["3 factor factor"]],
  ["RAM -> 4 GB", "corpus: kubernetes-notes", ["4000000000 bytes size"]],
  [
    "3M / 5 = 600K TPS\nbecomes 100K-1M TPS",
    "corpus: parking-lot-system-design",
    ["3000000 count count", "5 count count", "600000 count/s rate", "100000 count count", "1000000 count/s rate"],
  ],
  ["Read Heavy(R:W = 100:1)", "corpus: twitter-hld", ["100 ratio ratio"]],
  ["read heavy, 100 to 1 ratio", "said aloud", ["100 ratio ratio"]],
  ["scale 3 to 1 nodes", "not a ratio", ["3 count count", "1 count count"]],
  ["- likely to be large: ~100s of GBs per day(?)", "corpus: distributed-logging", ["~100000000000 bytes/day size"]],
  [
    "3.6B videos × 20 bytes = 72GB",
    "corpus: system-design-allinone",
    ["3600000000 count count", "20 bytes size", "72000000000 bytes size"],
  ],
  [
    "100M DAU × 10 redirects/day = 1B/day ≈ 11,600/s average; ×3 at peak ≈ 34,700/s.",
    "prompt: url-shortener",
    [
      "100000000 count users",
      "10 count/day rate",
      "1000000000 count/day rate",
      "~11600 count/s rate",
      "3 factor factor",
      "~34700 count/s rate",
    ],
  ],
  ["chunk(5-10Mb size)", "corpus: youtube-hld-large", ["5 count count", "10000000 bytes size"]],
];

/** Digits that are no estimate: inside names, versions and codes, or a number without a unit. */
const NOT_FIGURES: readonly [string, string][] = [
  ["S3 media", "corpus: parking-lot-system-design"],
  ["L2 Gas Pricer", "corpus: polygon-cdk-architecture"],
  ["use k256::ecdsa::VerifyingKey;", "corpus: aws-notes-frames"],
  ["1080p H.264 Mp4", "corpus: youtube-hld-large"],
  ["seg1.ts", "corpus: youtube-hld-large"],
  ["random number generator with base62 encoding", "corpus: system-design-allinone"],
  ["HTTP/2", "lint test"],
  ["v1", "lint test"],
];

describe("figures in text", () => {
  it.each(IN_TEXT)("%j (%s)", (text, _source, expected) => {
    expect(findQuantities(text).map(reading)).toEqual(expected);
  });

  it.each(NOT_FIGURES)("%j (%s) holds no estimate, at most a bare count", (text) => {
    expect(
      findQuantities(text)
        .map(measureOf)
        .filter((m) => m !== "count"),
    ).toEqual([]);
  });

  it("keeps the figure's text and where it starts", () => {
    const [q] = findQuantities("GET feed ~139k QPS peak");
    expect(q).toMatchObject({ text: "~139k QPS", index: 9, qualifier: "~" });
  });
});
