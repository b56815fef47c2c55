import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD004 client-leftmost", () => {
  it("fires when the client sits right of the service it calls", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("web", "Web App", { x: 300, y: 0 })
      .arrow("a", "web", "api", { label: "GET" });
    const [f] = findingsOf("SD004", s.elements);
    expect(f?.elementIds).toEqual(["web"]);
    expect(f?.message).toContain("“API” is further left");
  });

  it("stays quiet for a second design placed to the right on the same board", () => {
    const s = scene()
      .box("c1", "Client", { x: 0, y: 0 })
      .box("api1", "API", { x: 300, y: 0 })
      .arrow("a1", "c1", "api1", { label: "GET" })
      .box("c2", "Mobile client", { x: 800, y: 0 })
      .box("api2", "Chat service", { x: 1100, y: 0 })
      .arrow("a2", "c2", "api2", { label: "WS" });
    expect(findingsOf("SD004", s.elements)).toEqual([]);
  });

  it("allows 20 px of slack", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 200 })
      .box("c", "Client", { x: 15, y: 0 })
      .arrow("a", "c", "api", { label: "GET" });
    expect(findingsOf("SD004", s.elements)).toEqual([]);
  });

  it("stays quiet on an entity table named User (its fields make it data, not the client)", () => {
    const s = scene()
      .box("api", "Profile service", { x: 0, y: 0 })
      .box("u", "User\n- userId\n- username\n- email", { x: 400, y: 0, h: 120 })
      .arrow("a", "api", "u", { label: "create" });
    expect(findingsOf("SD004", s.elements)).toEqual([]);
  });
});
