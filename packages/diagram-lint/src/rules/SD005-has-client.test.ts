import { describe, expect, it } from "vitest";
import { scene } from "../testing/scene.ts";
import { findingsOf } from "../testing/findings.ts";

describe("SD005 has-client", () => {
  it("fires when no client or user appears among classified boxes", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Postgres", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "SQL" });
    expect(findingsOf("SD005", s.elements)).toMatchObject([{ severity: "info", elementIds: [] }]);
  });

  it("stays quiet when the user is a captioned icon rather than a box", () => {
    const s = scene()
      .box("api", "API", { x: 0, y: 0 })
      .box("db", "Postgres", { x: 300, y: 0 })
      .arrow("a", "api", "db", { label: "SQL" })
      .text("u", "Users", { x: -300, y: 300 });
    expect(findingsOf("SD005", s.elements)).toEqual([]);
  });

  it("stays quiet on a board of notes where no arrow joins two shapes", () => {
    // An inventory of parts with their notes: nothing sends a request to anything.
    const notes = scene()
      .box("lb", "Load balancer", { x: 0, y: 0 })
      .box("gw", "API gateway", { x: 300, y: 0 })
      .box("n1", "Node 1", { x: 0, y: 300 })
      .text("t", "- 3 nodes, 4 GB RAM each\n- cert-bot for TLS", { x: 300, y: 300 });
    expect(findingsOf("SD005", notes.elements)).toEqual([]);
    // The same parts with one request drawn between them: now a caller is missing.
    expect(findingsOf("SD005", notes.arrow("a", "lb", "n1", { label: "HTTP" }).elements)).toHaveLength(1);
  });

  it("stays quiet with fewer than two classified boxes", () => {
    const s = scene().box("x", "Bloom filter", { x: 0, y: 0 }).box("db", "Postgres", { x: 300, y: 0 });
    expect(findingsOf("SD005", s.elements)).toEqual([]);
  });

  it("counts a box whose name mentions the user's side ('Web UI', 'Browser Search') or a drawn person", () => {
    const base = () =>
      scene()
        .box("api", "API", { x: 300, y: 0 })
        .box("db", "Postgres", { x: 600, y: 0 })
        .arrow("a", "api", "db", { label: "SQL" });
    expect(findingsOf("SD005", base().box("ui", "Web UI", { x: 0, y: 0 }).elements)).toEqual([]);
    expect(findingsOf("SD005", base().box("ui", "Browser Search", { x: 0, y: 0 }).elements)).toEqual([]);
    expect(findingsOf("SD005", base().box("ui", "Admin panel", { x: 0, y: 0 }).elements)).toHaveLength(1);
  });
});
