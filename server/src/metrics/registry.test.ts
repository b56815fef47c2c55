import { Counter } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetricsRegistry, gaugeOnScrape, renderMetrics } from "./registry.ts";

describe("server metrics", () => {
  it("renders the server's series, gauges read at scrape time, then the process and GC defaults", async () => {
    const registry = createMetricsRegistry();
    const closes = new Counter({
      name: "t_closes_total",
      help: "Closes.",
      labelNames: ["reason"],
      registers: [registry],
    });
    let open = 3;
    gaugeOnScrape(registry, "t_rooms_open", "Rooms.", () => open);
    closes.inc({ reason: "rate_limit" });
    closes.inc({ reason: "rate_limit" }, 2);

    const first = await renderMetrics(registry);
    expect(first).toContain('t_closes_total{reason="rate_limit"} 3\n');
    expect(first).toContain("t_rooms_open 3\n");
    expect(first.indexOf("# TYPE t_closes_total counter")).toBeLessThan(
      first.indexOf("# TYPE process_cpu_user_seconds_total counter"),
    );
    expect(first).toContain("# TYPE process_resident_memory_bytes gauge");
    expect(first).toContain("# TYPE nodejs_gc_duration_seconds histogram");
    expect(first.endsWith("\n")).toBe(true);

    open = 0;
    expect(await renderMetrics(registry)).toContain("t_rooms_open 0\n");
  });

  it("keeps each server's series apart while servers in one process share the process defaults", async () => {
    const a = createMetricsRegistry();
    const b = createMetricsRegistry();
    new Counter({ name: "t_messages_total", help: "Messages.", registers: [a] }).inc(5);
    new Counter({ name: "t_messages_total", help: "Messages.", registers: [b] }).inc(1);
    const [textA, textB] = await Promise.all([renderMetrics(a), renderMetrics(b)]);
    expect(textA).toContain("t_messages_total 5\n");
    expect(textB).toContain("t_messages_total 1\n");
    for (const text of [textA, textB]) expect(text.match(/^# TYPE process_cpu_user_seconds_total /gm)).toHaveLength(1);
  });
});
