import type * as Y from "yjs";

/** How much a room may hold in changes waiting for changes it never received. */
export interface PendingLimits {
  /** Bytes of pending structs and delete sets together. */
  maxBytes: number;
  /** How long anything may stay pending (ms). */
  maxAgeMs: number;
}

/** Why {@link PendingBound} dropped a room's pending changes. */
export type PendingOverflow = "bytes" | "age";

/** Bytes Yjs holds for `doc` in updates it cannot integrate yet. */
export function pendingBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/**
 * Bounds the changes a room's document holds pending. Yjs keeps an update
 * whose structs depend on a clock it has not seen (or whose deletions name
 * items it lacks) and re-merges that pending state on every update after it;
 * nothing pending is stored or relayed. An honest client only causes this
 * briefly (two tabs racing on separate sockets), so the room holds at most
 * `maxBytes` for at most `maxAgeMs`. Past either bound, the pending state is
 * dropped and the connections that added to it are handed to `overflow`
 * (the room closes them; reconnecting re-sends their whole state, what it
 * depends on included).
 */
export class PendingBound<C> {
  private contributors = new Set<C>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly limits: PendingLimits,
    private readonly overflow: (contributors: C[], why: PendingOverflow, bytes: number) => void,
  ) {}

  /** Bytes pending now. */
  get bytes(): number {
    return pendingBytes(this.doc);
  }

  /**
   * Call after applying `conn`'s update, with the pending size measured just
   * before it. Checks the bound and starts the age clock.
   */
  afterApply(conn: C, bytesBefore: number): void {
    const bytes = pendingBytes(this.doc);
    if (bytes === 0) return this.reset();
    if (bytes > bytesBefore || bytesBefore === 0) this.contributors.add(conn);
    if (bytes > this.limits.maxBytes) return this.drop("bytes", bytes);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const left = pendingBytes(this.doc);
      if (left > 0) this.drop("age", left);
      else this.reset();
    }, this.limits.maxAgeMs).unref();
  }

  /** A connection left; it no longer answers for what is pending. */
  forget(conn: C): void {
    this.contributors.delete(conn);
  }

  /** Stops the age clock (the room is closing). */
  dispose(): void {
    this.reset();
  }

  private drop(why: PendingOverflow, bytes: number): void {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    const contributors = [...this.contributors];
    this.reset();
    this.overflow(contributors, why, bytes);
  }

  private reset(): void {
    this.contributors.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
