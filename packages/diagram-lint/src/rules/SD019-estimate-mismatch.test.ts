import { estimateFromTexts, type EstimateTexts } from "@archboard/estimates";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/findings.ts";
import { scene } from "../testing/scene.ts";

/** 100M DAU × 10 reads and 1 write a day, ×3 at peak: reads 34.7k/s, writes 3.47k/s, all 38.2k/s. */
const estimate = (texts: EstimateTexts = { dau: "100M", readsPerUser: "10", writesPerUser: "1", peakFactor: "3x" }) =>
  estimateFromTexts(texts);

const board = (clientLabel: string) =>
  scene()
    .box("c", "Client", { x: 0, y: 0 })
    .box("lb", "Load Balancer", { x: 300, y: 0 })
    .box("api", "API", { x: 600, y: 0 })
    .arrow("in", "c", "lb", { label: clientLabel })
    .arrow("fw", "lb", "api", { label: "forward" });

describe("SD019 estimate-mismatch", () => {
  it("fires when the client's arrow is 10× the estimate (a factor of 10 dropped)", () => {
    const found = findingsOf("SD019", board("380k QPS").elements, { estimate: estimate() });
    expect(found).toMatchObject([
      {
        severity: "warn",
        elementIds: ["in"],
        message:
          "“380k QPS” from “Client” to “Load Balancer” is 9.9× more than the estimate's peak QPS (38.2 k/s): one of them is off",
      },
    ]);
  });

  it("stays quiet within 3× of the peak, and when the label is an average close to the average", () => {
    expect(findingsOf("SD019", board("40k QPS").elements, { estimate: estimate() })).toEqual([]);
    expect(findingsOf("SD019", board("avg 12.7k QPS").elements, { estimate: estimate() })).toEqual([]);
  });

  it("holds an average to the average: 38k average is 3× the 12.7k/s average", () => {
    const found = findingsOf("SD019", board("average 40k QPS").elements, { estimate: estimate() });
    expect(found[0]?.message).toMatch(/3\.1× more than the estimate's average QPS \(12\.7 k\/s\)/);
  });

  it("holds reads to reads and writes to writes where a load balancer splits traffic", () => {
    const s = scene()
      .box("lb", "Load Balancer", { x: 0, y: 0 })
      .box("r", "Feed Service", { x: 300, y: 0 })
      .box("w", "Post Service", { x: 300, y: 300 })
      .arrow("read", "lb", "r", { label: "GET feed 35k QPS" })
      .arrow("write", "lb", "w", { label: "POST 35k QPS" });
    expect(findingsOf("SD019", s.elements, { estimate: estimate() })).toMatchObject([
      {
        elementIds: ["write"],
        message: expect.stringMatching(/10× more than the estimate's peak write QPS \(3\.47 k\/s\)/),
      },
    ]);
  });

  it("stays quiet on a split arrow naming no direction: its share is unknown", () => {
    const s = scene()
      .box("lb", "Load Balancer", { x: 0, y: 0 })
      .box("a", "Ride Service", { x: 300, y: 0 })
      .box("b", "Location Service", { x: 300, y: 300 })
      .arrow("x", "lb", "a", { label: "request ride 1.2k QPS" })
      .arrow("y", "lb", "b", { label: "35k QPS" });
    expect(findingsOf("SD019", s.elements, { estimate: estimate() })).toEqual([]);
  });

  it("stays quiet without an estimate, and on arrows inside the system", () => {
    expect(findingsOf("SD019", board("380k QPS").elements)).toEqual([]);
    const inner = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Orders DB", { x: 300, y: 0 })
      .arrow("q", "api", "db", { label: "SELECT 380k QPS" });
    expect(findingsOf("SD019", inner.elements, { estimate: estimate() })).toEqual([]);
  });

  it("stays quiet on a direction the estimate does not split out", () => {
    const unsplit = estimate({ dau: "100M", actionsPerUser: "11" });
    expect(findingsOf("SD019", board("GET 380k QPS").elements, { estimate: unsplit })).toEqual([]);
    expect(findingsOf("SD019", board("380k QPS").elements, { estimate: unsplit })).toHaveLength(1);
  });
});
