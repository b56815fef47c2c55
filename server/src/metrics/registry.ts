import { collectDefaultMetrics, Gauge, Registry } from "prom-client";

/**
 * Metrics for `/metrics`, kept with `prom-client`: counters, histograms and
 * gauges in the Prometheus text format (0.0.4), plus the client's default
 * process and runtime series (CPU, memory, open files, heap spaces, event-loop
 * delay, garbage collection).
 */

/** Latency buckets in seconds, from 0.1 ms to 10 s. */
export const SECONDS_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
] as const;

export type { Registry as MetricsRegistry } from "prom-client";

let processDefaults: Registry | undefined;

/**
 * The default series describe the process, not one server, and their
 * observers (GC, event-loop delay) cannot be stopped; so they are collected
 * once per process, and every server in it renders the same ones.
 */
function defaultMetrics(): Registry {
  if (!processDefaults) {
    processDefaults = new Registry();
    collectDefaultMetrics({ register: processDefaults });
  }
  return processDefaults;
}

/** A server's own registry; {@link renderMetrics} adds the process defaults. */
export function createMetricsRegistry(): Registry {
  defaultMetrics();
  return new Registry();
}

/** `Content-Type` of the text format {@link renderMetrics} writes. */
export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The server's series followed by the process defaults, as `/metrics` answers them. */
export async function renderMetrics(registry: Registry): Promise<string> {
  const [own, defaults] = await Promise.all([registry.metrics(), defaultMetrics().metrics()]);
  return `${own.trimEnd()}\n${defaults.trimEnd()}\n`;
}

/** A gauge whose value is read when scraped, so it can never go stale. */
export function gaugeOnScrape(registry: Registry, name: string, help: string, read: () => number): Gauge {
  return new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}
