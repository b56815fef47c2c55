import { describe, expect, it } from "vitest";
import { kindFromLabel, kindFromTag } from "./kinds.ts";
import { findNumbers } from "./numbers.ts";

describe("kindFromLabel", () => {
  it.each([
    ["API Servers", "service"],
    ["API Gateway", "lb"],
    ["User Service", "service"],
    ["Users DB", "db"],
    ["Users", "client"],
    ["Redis", "cache"],
    ["Cache (Redis)", "cache"],
    ["Kafka (logs)", "queue"],
    ["Load\nBalancer", "lb"],
    ["Cassandr\na", "db"],
    ["Blob Storage", "storage"],
    ["S3 bucket", "storage"],
    ["Read Replicas", "db"],
    ["Elasticsearch", "search"],
    ["Prometheus", "observability"],
    ["Workers", "worker"],
    ["Order Service\n(Go, gRPC)", "service"],
    ["CDN", "edge"],
    ["Mobile app", "client"],
    ["pub/sub", "queue"],
    ["Router /drawings\n\nGET /\nget a list of api urls for GET /drawings/:id", "service"],
  ])("%j is %s", (label, kind) => {
    expect(kindFromLabel(label)).toBe(kind);
  });

  it.each(["rapid prototyping", "Bloom filter", "capital", "Dashboard", "upstream"])("%j has no kind", (label) => {
    expect(kindFromLabel(label)).toBeNull();
  });

  it("reads a name only up to where a note's prose begins", () => {
    // A rating card whose sentence mentions SQL is not a database.
    const note =
      "4 - like the idea and there's some integration\nwork left to be done. using SQL\n3 - mostly implemented";
    expect(kindFromLabel(note)).toBeNull();
    expect(kindFromLabel("Security Best Practices\nTo ensure a resilient system, we put a load balancer")).toBeNull();
    expect(kindFromLabel("options:\n1. random number generator with base62 encoding\nstored in a database")).toBeNull();
    // Look-alikes: a name, then its description; a name wrapped over short lines.
    expect(kindFromLabel("Orders DB\nkeeps every order and its line items for seven years")).toBe("db");
    expect(kindFromLabel("Photo\nMetadata\nStore DB")).toBe("db");
    expect(kindFromLabel("Thumbnails\nS3 bucket\nresized on upload by the image workers")).toBe("storage");
  });

  it("reads template tags and a few synonyms", () => {
    expect(kindFromTag("db")).toBe("db");
    expect(kindFromTag("database")).toBe("db");
    expect(kindFromTag("spaceship")).toBeNull();
    expect(kindFromTag(3)).toBeNull();
  });
});

describe("findNumbers", () => {
  it.each([
    ["12k QPS", "rate"],
    ["500 rps", "rate"],
    ["2k req/s", "rate"],
    ["500/s", "rate"],
    ["10 writes/s", "rate"],
    ["2 MB", "size"],
    ["5 GB/day", "size"],
    ["100 bytes", "size"],
    ["50 ms", "latency"],
    ["p99", "latency"],
    ["1 Gbps", "bandwidth"],
    ["100M DAU", "users"],
    ["10 million users", "users"],
  ])("%j is a %s figure", (text, kind) => {
    expect(findNumbers(text).map((n) => n.kind)).toContain(kind);
  });

  it.each(["Step 2", "v1", "Service 3", "HTTP/2", "user_id INT"])("%j is not an estimate", (text) => {
    expect(findNumbers(text)).toEqual([]);
  });
});
