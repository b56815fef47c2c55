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
   * Counts one request from `client`. Returns 0 when it is allowed, otherwise
   * the milliseconds until the client may try again.
   */
  take(client: string): number {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.counts.clear();
    }
    const used = this.counts.get(client) ?? 0;
    if (used >= this.limit) return Math.max(1, this.windowStart + this.windowMs - t);
    this.counts.set(client, used + 1);
    return 0;
  }
}
