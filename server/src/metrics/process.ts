import { Histogram, type Registry } from "prom-client";
import { gaugeOnScrape } from "./registry.ts";

/** Buckets for event-loop lag, in seconds: finer at the low end, where a healthy loop lives. */
const LAG_BUCKETS = [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5];

/**
 * Registers process gauges (resident memory, heap) and an event-loop lag
 * histogram. Lag is sampled by a timer that should fire every `intervalMs`:
 * how late it fires is how long other work held the loop. A cumulative
 * histogram (rather than a lifetime percentile, or the default metrics'
 * `nodejs_eventloop_lag_*` gauges) lets a reader diff two scrapes and get the
 * lag over exactly that window. Returns a function that stops the sampler.
 */
export function registerProcessMetrics(registry: Registry, intervalMs = 20): () => void {
  gaugeOnScrape(registry, "archboard_process_resident_memory_bytes", "Resident set size of the server process.", () =>
    process.memoryUsage.rss(),
  );
  gaugeOnScrape(registry, "archboard_process_heap_used_bytes", "V8 heap in use.", () => process.memoryUsage().heapUsed);
  const lag = new Histogram({
    name: "archboard_event_loop_lag_seconds",
    help: `How late a ${intervalMs} ms timer fires: time the event loop was busy elsewhere.`,
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    lag.observe(Math.max(0, now - last - intervalMs) / 1000);
    last = now;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
