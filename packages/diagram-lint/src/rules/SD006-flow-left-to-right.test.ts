import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD006 flow-left-to-right", () => {
  it("fires on a request pointing right-to-left", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("lb", "Load Balancer", { x: 600, y: 0 })
      .arrow("b", "lb", "api", { label: "GET /feed" });
    expect(findingsOf("SD006", s.elements)).toMatchObject([{ elementIds: ["b"], severity: "warn" }]);
  });

  it("reads the arrowheads: drawn right-to-left but pointing right is fine", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("lb", "Load Balancer", { x: 600, y: 0 })
      .arrow("a", "lb", "client", { label: "GET /feed", heads: "start" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("exempts responses, two-headed arrows and replies down the tiers", () => {
    const s = scene()
      .box("client", "Client", { x: 0, y: 0 })
      .box("api", "API", { x: 600, y: 0 })
      .box("db", "Database", { x: 1200, y: 0 })
      .arrow("r1", "api", "client", { label: "200 OK response" })
      .arrow("r2", "db", "api", { label: "rows" })
      .box("svc", "Search service", { x: 0, y: 600 })
      .box("svc2", "Feed service", { x: 600, y: 600 })
      .arrow("r3", "svc2", "svc", { label: "sync", heads: "both" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("stays quiet on a steep arrow (mostly vertical)", () => {
    const s = scene()
      .box("a", "API", { x: 100, y: 0 })
      .box("b", "Queue", { x: 0, y: 400 })
      .arrow("e", "a", "b", { label: "publish" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("stays quiet on a 45° diagonal, which points down as much as left", () => {
    const s = scene()
      .box("m", "Ride matching", { x: 400, y: 0 })
      .box("n", "Notification service", { x: 0, y: 400 })
      .arrow("e", "m", "n", { label: "notify driver" });
    const diagonal = s.elements.map((e) =>
      e.id === "e"
        ? {
            ...e,
            x: 400,
            y: 80,
            points: [
              [0, 0],
              [-240, 320],
            ],
          }
        : e,
    );
    expect(findingsOf("SD006", diagonal)).toEqual([]);
  });

  it("reads the leftward half of a request/reply pair as the reply, and price updates as a push", () => {
    const s = scene()
      .box("c", "Coordinator", { x: 0, y: 0 })
      .box("q", "Message broker", { x: 400, y: 0 })
      .box("w", "Stock service", { x: 0, y: 300 })
      .box("k", "Queue worker", { x: 400, y: 300 })
      .arrow("task", "c", "q", { label: "task" })
      .arrow("done", "q", "c", { label: "completion" })
      .arrow("px", "k", "w", { label: "price updates" });
    const els = s.elements.map((e) => (e.id === "done" ? { ...e, y: (e.y ?? 0) + 20 } : e));
    expect(findingsOf("SD006", els)).toEqual([]);
  });

  it("still fires on a queue handing work leftwards to its consumer (not a reply down the tiers)", () => {
    const s = scene()
      .box("c", "Client", { x: -400, y: 0 })
      .box("a", "Analytics service", { x: 0, y: 0 })
      .box("k", "Kafka queue", { x: 400, y: 0 })
      .arrow("r", "c", "a", { label: "GET /stats" })
      .arrow("e", "k", "a", { label: "click events" });
    expect(findingsOf("SD006", s.elements).map((f) => f.elementIds)).toEqual([["e"]]);
  });

  it("stays quiet on a queue feeding its workers drawn beside the services, down and to the left", () => {
    const s = scene()
      .box("c", "Client", { x: -400, y: 0 })
      .box("api", "API servers", { x: 0, y: 0 })
      .box("q", "Message queue", { x: 400, y: 0 })
      .box("w", "Workers", { x: 0, y: 200 })
      .arrow("r", "c", "api", { label: "POST /upload" })
      .arrow("e", "api", "q", { label: "enqueue" })
      .arrow("consume", "q", "w", { label: "consume 50 msgs/s" });
    expect(findingsOf("SD006", s.elements)).toEqual([]);
  });

  it("reports a design drawn mirrored (its entry on the right) once, not once per arrow", () => {
    const s = scene()
      .box("db", "Postgres", { x: 0, y: 0 })
      .box("be", "Backend", { x: 300, y: 0 })
      .box("s3", "S3", { x: 300, y: 200 })
      .box("gw", "API Gateway", { x: 700, y: 100 })
      .arrow("a1", "gw", "be", { label: "GET /videos" })
      .arrow("a2", "be", "db", { label: "SELECT" })
      .arrow("a3", "gw", "s3", { label: "PUT upload" });
    const found = findingsOf("SD006", s.elements);
    expect(found).toHaveLength(1);
    expect(found[0]!.elementIds.sort()).toEqual(["a1", "a2", "a3"]);
    expect(found[0]!.message).toContain("drawn mirrored, with its entry on the right");
  });

  it("stays quiet on arrows explaining code or a data sample, but not on components named alike", () => {
    const code = scene()
      .box("type", "Pin<Box<dyn Stream>>", { x: 0, y: 0 })
      .box("call", "dispatch_stream", { x: 600, y: 0 })
      .arrow("e1", "call", "type")
      .box("json", "{ type: 'sell', amount: 5 }", { x: 0, y: 400 })
      .box("table", "Price USD", { x: 600, y: 400 })
      .arrow("e2", "table", "json")
      .box("var", "response = default", { x: 0, y: 800 })
      .box("fn", "execute", { x: 600, y: 800 })
      .arrow("e3", "fn", "var");
    expect(findingsOf("SD006", code.elements)).toEqual([]);
    // Parentheses and colons belong to names: these are components, and the arrow is judged.
    const named = scene()
      .box("db", "Orders DB (Postgres)", { x: 0, y: 0 })
      .box("api", "API: orders", { x: 600, y: 0 })
      .arrow("e", "api", "db", { label: "GET /orders" });
    expect(findingsOf("SD006", named.elements)).toMatchObject([{ elementIds: ["e"] }]);
  });
});
