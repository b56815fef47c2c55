import { describe, expect, it } from "vitest";
import { MetricsRegistry } from "./registry.ts";

describe("MetricsRegistry", () => {
  it("renders counters, labelled counters, gauges and histograms in Prometheus text format", () => {
    const r = new MetricsRegistry();
    const c = r.counter("x_total", "Things.");
    const l = r.labeledCounter("y_total", 'Closes "by" reason.', "reason");
    r.gauge("z", "A level.", () => 2.5);
    const h = r.histogram("lat_seconds", "Latency.", [0.1, 1]);
    c.inc();
    c.inc(2);
    l.inc("rate_limit");
    l.inc('we"ird\\', 3);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(3);
    expect(r.render()).toBe(
      [
        "# HELP x_total Things.",
        "# TYPE x_total counter",
        "x_total 3",
        '# HELP y_total Closes "by" reason.',
        "# TYPE y_total counter",
        'y_total{reason="rate_limit"} 1',
        'y_total{reason="we\\"ird\\\\"} 3',
        "# HELP z A level.",
        "# TYPE z gauge",
        "z 2.5",
        "# HELP lat_seconds Latency.",
        "# TYPE lat_seconds histogram",
        'lat_seconds_bucket{le="0.1"} 1',
        'lat_seconds_bucket{le="1"} 2',
        'lat_seconds_bucket{le="+Inf"} 3',
        "lat_seconds_sum 3.55",
        "lat_seconds_count 3",
        "",
      ].join("\n"),
    );
  });

  it("refuses invalid and duplicate names", () => {
    const r = new MetricsRegistry();
    r.counter("ok_total", "x");
    expect(() => r.counter("ok_total", "x")).toThrow(/twice/);
    expect(() => r.gauge("bad-name", "x", () => 0)).toThrow(/bad metric name/);
  });
});
