import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

const producer = () =>
  scene()
    .box("api", "API", { x: 0, y: 0 })
    .box("q", "Order queue", { x: 300, y: 0 })
    .arrow("p", "api", "q", { label: "publish" });

describe("SD017 queue-has-consumer", () => {
  it("fires on a queue that only receives", () => {
    expect(findingsOf("SD017", producer().elements)).toMatchObject([
      { elementIds: ["q"], message: expect.stringContaining("“Order queue”") },
    ]);
  });

  it("stays quiet with a consumer arrow out of the queue, or a worker polling it", () => {
    const out = producer().box("w", "Workers", { x: 600, y: 0 }).arrow("c", "q", "w", { label: "consume" });
    expect(findingsOf("SD017", out.elements)).toEqual([]);
    const poll = producer().box("w", "Workers", { x: 600, y: 0 }).arrow("c", "w", "q", { label: "poll" });
    expect(findingsOf("SD017", poll.elements)).toEqual([]);
  });

  it("reads 'back queue selector' as the component that picks queues, not a queue", () => {
    const s = scene()
      .box("p", "front queue prioritizer", { x: 0, y: 0 })
      .box("sel", "back queue selector", { x: 300, y: 0 })
      .arrow("a", "p", "sel", { label: "urls" });
    expect(findingsOf("SD017", s.elements)).toEqual([]);
  });
});
