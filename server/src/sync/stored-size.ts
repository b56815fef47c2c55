import * as Y from "yjs";

/**
 * A document's stored log as this process knows it: its size against the
 * ceiling, and the rows and bytes that decide when to merge it. The store
 * keeps an append-only log merged now and then, so the size is what was
 * loaded plus every update appended since, reset to the merged size after
 * each compaction (plus what was appended while it ran). Counts are a
 * heuristic only: another process may append to the same store.
 *
 * At the ceiling a document stops growing: an update that carries new
 * content (a struct past the document's state for some client) is refused,
 * while deletions still apply, so people can make room; a compaction then
 * shrinks the stored size, as Yjs keeps no content for deleted items.
 */
export class StoredSize {
  private stored = 0;
  /** Bytes and rows appended since this instance was created, for compaction's bookkeeping. */
  private appended = 0;
  private appendedRows = 0;
  /** Rows in the log. */
  rows = 0;
  private sinceCompaction = 0;

  constructor(readonly ceiling: number) {}

  /** Bytes the store holds for the document, as far as this process knows. */
  get bytes(): number {
    return this.stored;
  }

  /** The document was loaded from `rows` rows of `bytes` in all. */
  loaded(bytes: number, rows: number): void {
    this.stored = bytes;
    this.rows = rows;
  }

  /** An update of `bytes` is being appended. */
  add(bytes: number): void {
    this.stored += bytes;
    this.appended += bytes;
    this.sinceCompaction += bytes;
    this.rows++;
    this.appendedRows++;
  }

  /** Whether the log has `afterRows` rows, or took `afterBytes` since its last merge (and has two rows to merge). */
  dueForCompaction(afterRows: number, afterBytes: number): boolean {
    return this.rows >= afterRows || (this.rows >= 2 && this.sinceCompaction >= afterBytes);
  }

  /** Marks the start of a compaction; pass the mark to {@link compacted}. */
  mark(): CompactionMark {
    return { bytes: this.appended, rows: this.appendedRows };
  }

  /**
   * The log was merged into one row of `bytesAfter`; what was appended since `mark` comes
   * on top. Rows appended while the merge ran may have been merged or not: they are
   * counted as left over, so the merge on unload still runs when one was (the store
   * returns nothing to merge when none was).
   */
  compacted(bytesAfter: number, mark: CompactionMark): void {
    this.stored = bytesAfter + (this.appended - mark.bytes);
    this.rows = 1 + (this.appendedRows - mark.rows);
    this.sinceCompaction = 0;
  }

  /**
   * Whether applying `update` to `doc` would grow the document past the
   * ceiling. Cheap below it; above, it reads the update's struct ranges.
   */
  refuses(doc: Y.Doc, update: Uint8Array): boolean {
    if (this.stored + update.byteLength <= this.ceiling) return false;
    // `to` is where each client's structs in the update end.
    const { to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) if (clock > Y.getState(doc.store, client)) return true;
    return false;
  }
}

/** What had been appended when a compaction started (see {@link StoredSize.mark}). */
export interface CompactionMark {
  readonly bytes: number;
  readonly rows: number;
}
