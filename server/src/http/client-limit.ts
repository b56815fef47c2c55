/**
 * Counts requests per client in fixed windows (e.g. 30 per minute per IP).
 * Simple on purpose: it guards an endpoint that writes a row per call against
 * a script, not against a distributed attacker. Memory is bounded by the
 * clients seen in one window, because the whole table is dropped when the
 * window rolls over.
 */
export class PerClientLimit {
  private windowStart: number;
  private counts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.windowStart = now();
  }

  /**
   * Whether `client` may make one more request now: 0 when it may, otherwise
   * the milliseconds until it may try again. Counts nothing; see {@link count}.
   */
  check(client: string): number {
    const t = this.roll();
    const used = this.counts.get(client) ?? 0;
    return used >= this.limit ? Math.max(1, this.windowStart + this.windowMs - t) : 0;
  }

  /** Counts one request from `client` (one that did what the limit guards). */
  count(client: string): void {
    this.roll();
    this.counts.set(client, (this.counts.get(client) ?? 0) + 1);
  }

  /** Starts a new window when the current one is over; returns the time now. */
  private roll(): number {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.counts.clear();
    }
    return t;
  }
}
