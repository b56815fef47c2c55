/**
 * Runs bursts of synchronous work in slices, giving the event loop a turn
 * between slices.
 *
 * Why: when a thousand sockets open a thousand stored rooms at once, the
 * store's reads resolve together, and every room's continuation (apply the
 * stored updates, greet the clients, answer what they queued) would otherwise
 * run back to back in one microtask drain, holding the loop for seconds while
 * the edits of rooms already open wait. Queued here, each job runs in a
 * `setImmediate` callback; once a slice has used `sliceMs`, the rest wait for
 * the next one, after Node has read sockets and run timers (the poll phase
 * comes before the check phase in every loop iteration).
 *
 * Jobs run in the order they were queued. A job that throws rejects its own
 * promise only.
 */
export class WorkSlicer {
  private readonly queue: (() => void)[] = [];
  private scheduled = false;

  /** @param sliceMs the longest a slice keeps the loop before yielding (a job is never cut short). */
  constructor(private readonly sliceMs = 8) {}

  /** Jobs waiting for a slice. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `job` in a coming slice; resolves with its result. */
  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        try {
          resolve(job());
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.slice());
  }

  private slice(): void {
    this.scheduled = false;
    const end = performance.now() + this.sliceMs;
    while (this.queue.length > 0) {
      this.queue.shift()?.();
      if (performance.now() >= end) break;
    }
    if (this.queue.length > 0) this.schedule();
  }
}
