import { describe, expect, it } from "vitest";
import { findingsOf } from "../testing/findings.ts";
import { scene } from "../testing/scene.ts";

const chain = (outLabel: string, svc = "Post Service") =>
  scene()
    .box("lb", "Load Balancer", { x: 0, y: 0 })
    .box("svc", svc, { x: 300, y: 0 })
    .box("db", "Timeline Cache", { x: 600, y: 0 })
    .arrow("in", "lb", "svc", { label: "3.5k QPS" })
    .arrow("out", "svc", "db", { label: outLabel });

describe("SD020 rate-conservation", () => {
  it("fires when a component sends one store far more than it receives", () => {
    expect(findingsOf("SD020", chain("write 350k QPS").elements)).toMatchObject([
      {
        severity: "info",
        elementIds: ["svc"],
        message: expect.stringMatching(
          /^“Post Service” receives 3\.5 k\/s but sends 350 k\/s to “Timeline Cache” \(100×\)/,
        ),
      },
    ]);
  });

  it("stays quiet when the arrow says it fans out", () => {
    expect(findingsOf("SD020", chain("fan-out 350k writes/s").elements)).toEqual([]);
    expect(findingsOf("SD020", chain("push ids per follower 350k/s").elements)).toEqual([]);
    expect(findingsOf("SD020", chain("write ×100 350k QPS").elements)).toEqual([]);
    expect(findingsOf("SD020", chain("write 350k QPS", "Fan-out Workers").elements)).toEqual([]);
  });

  it("stays quiet when each outgoing arrow is within 2× (a request may touch a store, a cache and a queue)", () => {
    const s = chain("write 3.5k QPS")
      .box("q", "Events queue", { x: 600, y: 300 })
      .box("c", "Counters cache", { x: 600, y: 600 })
      .arrow("o2", "svc", "q", { label: "publish 3.5k msgs/s" })
      .arrow("o3", "svc", "c", { label: "INCR 7k ops/s" });
    expect(findingsOf("SD020", s.elements)).toEqual([]);
  });

  it("stays quiet when an incoming arrow has no figure: the input is unknown", () => {
    const s = chain("write 350k QPS")
      .box("w", "Worker", { x: 0, y: 300 })
      .arrow("in2", "w", "svc", { label: "callback" });
    // "callback" reads as a reply: the request arrows are all labelled, so it still fires.
    expect(findingsOf("SD020", s.elements)).toHaveLength(1);
    const u = chain("write 350k QPS")
      .box("w", "Admin tool", { x: 0, y: 300 })
      .arrow("in2", "w", "svc", { label: "bulk import" });
    expect(findingsOf("SD020", u.elements)).toEqual([]);
  });

  it("stays quiet on heartbeats and timers, which the component sends on its own", () => {
    expect(findingsOf("SD020", chain("heartbeat 3.3M ops/s").elements)).toEqual([]);
  });
});
