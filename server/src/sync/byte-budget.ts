/**
 * A byte budget: `bytesPerSecond` flow in continuously up to `burst`. Unlike
 * the message {@link TokenBucket}, spending never fails: a message that
 * arrived has to be handled, so the balance may go negative, and the caller
 * stops reading from the sender until it is paid back. Honest traffic (a
 * board's first sync, a pasted image) fits in the burst and never waits.
 */
export class ByteBudget {
  private balance: number;
  private last: number;

  constructor(
    readonly bytesPerSecond: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.balance = burst;
    this.last = now();
  }

  /** Spends `bytes`; returns how long (ms) the sender must wait before the balance is back to zero. */
  spend(bytes: number): number {
    this.refill();
    this.balance -= bytes;
    return this.balance >= 0 ? 0 : Math.ceil((-this.balance / this.bytesPerSecond) * 1000);
  }

  /** How long (ms) until the balance is back to zero; 0 when it is not in debt. */
  waitMs(): number {
    this.refill();
    return this.balance >= 0 ? 0 : Math.ceil((-this.balance / this.bytesPerSecond) * 1000);
  }

  private refill(): void {
    const t = this.now();
    this.balance = Math.min(this.burst, this.balance + ((t - this.last) / 1000) * this.bytesPerSecond);
    this.last = t;
  }
}
