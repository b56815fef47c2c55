/**
 * A small Prometheus registry rendered in the text exposition format (0.0.4):
 * counters, labelled counters, gauges read on scrape, and cumulative
 * histograms. Hand-written because the server needs a dozen series, not a
 * client library.
 */

type Sample = { suffix?: string; labels?: Record<string, string>; value: number };

interface Family {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  samples(): Sample[];
}

/** A monotonically increasing count. */
export class Counter {
  value = 0;
  inc(n = 1): void {
    this.value += n;
  }
}

/** A counter split by one label (e.g. `reason`); series appear on first use. */
export class LabeledCounter {
  readonly values = new Map<string, number>();
  constructor(readonly label: string) {}
  inc(labelValue: string, n = 1): void {
    this.values.set(labelValue, (this.values.get(labelValue) ?? 0) + n);
  }
  get(labelValue: string): number {
    return this.values.get(labelValue) ?? 0;
  }
}

/** Observations counted into fixed, cumulative buckets (upper bounds in the metric's unit). */
export class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;
  constructor(readonly buckets: readonly number[]) {
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count++;
    // Buckets are few (≤ 20) and observations hot: a linear scan beats a search.
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] as number)) {
        this.counts[i] = (this.counts[i] as number) + 1;
        return;
      }
    }
  }
}

/** Latency buckets in seconds, from 0.1 ms to 10 s. */
export const SECONDS_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10,
] as const;

const escapeLabel = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const formatValue = (v: number) => (v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : Number.isNaN(v) ? "NaN" : String(v));

/** Holds metric families in registration order and renders them for `/metrics`. */
export class MetricsRegistry {
  private readonly families: Family[] = [];
  private readonly names = new Set<string>();

  private add(family: Family): void {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(family.name)) throw new Error(`bad metric name: ${family.name}`);
    if (this.names.has(family.name)) throw new Error(`metric registered twice: ${family.name}`);
    this.names.add(family.name);
    this.families.push(family);
  }

  counter(name: string, help: string): Counter {
    const c = new Counter();
    this.add({ name, help, type: "counter", samples: () => [{ value: c.value }] });
    return c;
  }

  labeledCounter(name: string, help: string, label: string): LabeledCounter {
    const c = new LabeledCounter(label);
    this.add({
      name,
      help,
      type: "counter",
      samples: () => [...c.values].map(([v, value]) => ({ labels: { [label]: v }, value })),
    });
    return c;
  }

  /** A gauge whose value is read when scraped, so it can never go stale. */
  gauge(name: string, help: string, read: () => number): void {
    this.add({ name, help, type: "gauge", samples: () => [{ value: read() }] });
  }

  histogram(name: string, help: string, buckets: readonly number[] = SECONDS_BUCKETS): Histogram {
    const h = new Histogram(buckets);
    this.add({
      name,
      help,
      type: "histogram",
      samples: () => {
        let cumulative = 0;
        const out: Sample[] = h.buckets.map((le, i) => {
          cumulative += h.counts[i] as number;
          return { suffix: "_bucket", labels: { le: String(le) }, value: cumulative };
        });
        out.push({ suffix: "_bucket", labels: { le: "+Inf" }, value: h.count });
        out.push({ suffix: "_sum", value: h.sum });
        out.push({ suffix: "_count", value: h.count });
        return out;
      },
    });
    return h;
  }

  /** The whole registry in Prometheus text format, ending with a newline. */
  render(): string {
    const lines: string[] = [];
    for (const f of this.families) {
      lines.push(`# HELP ${f.name} ${f.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`);
      lines.push(`# TYPE ${f.name} ${f.type}`);
      for (const s of f.samples()) {
        const labels = s.labels
          ? `{${Object.entries(s.labels)
              .map(([k, v]) => `${k}="${escapeLabel(v)}"`)
              .join(",")}}`
          : "";
        lines.push(`${f.name}${s.suffix ?? ""}${labels} ${formatValue(s.value)}`);
      }
    }
    return `${lines.join("\n")}\n`;
  }
}
