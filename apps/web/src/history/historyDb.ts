/**
 * A board's history in the browser: one IndexedDB database per board
 * (`archboard:history:<id>`), beside the board's own (which y-indexeddb
 * merges as it grows, so it cannot serve as history). Two object stores
 * with the same keys: `points` (time and kind, read whole when a board
 * opens) and `bytes` (the Yjs update, read only for a rebuild).
 */
import { rebuildRange, type HistoryEntry, type HistoryPoint } from "@archboard/board-sync/history";
import type { BoardId } from "@archboard/protocol";

/** The history database of a board. */
export const historyDbName = (id: BoardId) => `archboard:history:${id}`;

const POINTS = "points";
const BYTES = "bytes";

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
  });

async function readPoints(db: IDBDatabase): Promise<KeyedPoint[]> {
  const store = db.transaction(POINTS, "readonly").objectStore(POINTS);
  const [keys, values] = await Promise.all([
    request(store.getAllKeys()),
    request(store.getAll() as IDBRequest<HistoryPoint[]>),
  ]);
  return values.map((p, i) => ({ at: p.at, kind: p.kind, key: keys[i] as number }));
}

/** One stored point with its key, so a thinned run can replace the keys it covered. */
interface KeyedPoint extends HistoryPoint {
  readonly key: number;
}

/**
 * The history of one board, stored in IndexedDB. Points are kept in memory
 * (a few bytes each); bytes stay on disk until a moment is rebuilt.
 */
export class HistoryDb {
  private constructor(
    private readonly db: IDBDatabase,
    private readonly keyed: KeyedPoint[],
  ) {}

  /** Opens (creating if needed) a board's history database and reads its points. */
  static async open(id: BoardId): Promise<HistoryDb> {
    const open = indexedDB.open(historyDbName(id), 1);
    open.onupgradeneeded = () => {
      // Keys come from the database, so two tabs appending to one board never reuse one.
      open.result.createObjectStore(POINTS, { autoIncrement: true });
      open.result.createObjectStore(BYTES);
    };
    const db = await request(open);
    // Deleting the board in another tab must not wait for this tab to close: let go at once.
    db.onversionchange = () => db.close();
    return new HistoryDb(db, await readPoints(db));
  }

  /** Reads the points again: another tab of this board may have appended some. */
  async refresh(): Promise<void> {
    const keyed = await readPoints(this.db);
    this.keyed.splice(0, this.keyed.length, ...keyed);
  }

  /** Every point, oldest first. */
  points(): HistoryPoint[] {
    return this.keyed.map(({ at, kind }) => ({ at, kind }));
  }

  /** Appends entries (in order) in one transaction. */
  async append(entries: readonly HistoryEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const tx = this.db.transaction([POINTS, BYTES], "readwrite");
    const added: KeyedPoint[] = [];
    for (const e of entries) {
      const add = tx.objectStore(POINTS).add({ at: e.at, kind: e.kind });
      add.onsuccess = () => {
        const key = add.result as number;
        tx.objectStore(BYTES).put(e.bytes, key);
        added.push({ at: e.at, kind: e.kind, key });
      };
    }
    await done(tx);
    this.keyed.push(...added);
  }

  /** The entries `[from, to)` by position, bytes included. */
  async read(from: number, to: number): Promise<HistoryEntry[]> {
    if (from >= to) return [];
    const first = this.keyed[from] as KeyedPoint;
    const last = this.keyed[to - 1] as KeyedPoint;
    const tx = this.db.transaction(BYTES, "readonly");
    const bytes = await request(tx.objectStore(BYTES).getAll(IDBKeyRange.bound(first.key, last.key)));
    return this.keyed.slice(from, to).map(({ at, kind }, i) => ({ at, kind, bytes: bytes[i] as Uint8Array }));
  }

  /** The entries that rebuild the board at `at` (see `rebuildRange`). */
  async entriesAt(at: number): Promise<HistoryEntry[]> {
    const { from, to } = rebuildRange(this.keyed, at);
    return this.read(from, to);
  }

  /**
   * Replaces the stored runs `[from, to)` (positions) with one entry each, in
   * one transaction: the changed entries of a thinning.
   */
  async replace(runs: readonly { from: number; to: number; entry: HistoryEntry }[]): Promise<void> {
    if (runs.length === 0) return;
    const tx = this.db.transaction([POINTS, BYTES], "readwrite");
    const replaced = new Map<number, KeyedPoint>();
    const dropped = new Set<number>();
    for (const { from, to, entry } of runs) {
      const first = this.keyed[from] as KeyedPoint;
      const last = this.keyed[to - 1] as KeyedPoint;
      const range = IDBKeyRange.bound(first.key, last.key);
      tx.objectStore(POINTS).delete(range);
      tx.objectStore(BYTES).delete(range);
      tx.objectStore(POINTS).put({ at: entry.at, kind: entry.kind }, last.key);
      tx.objectStore(BYTES).put(entry.bytes, last.key);
      for (let i = from; i < to - 1; i++) dropped.add(i);
      replaced.set(to - 1, { at: entry.at, kind: entry.kind, key: last.key });
    }
    await done(tx);
    const next = this.keyed.flatMap((p, i) => (dropped.has(i) ? [] : [replaced.get(i) ?? p]));
    this.keyed.splice(0, this.keyed.length, ...next);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}

/** Deletes a board's history (with the board). */
export function deleteHistoryDb(id: BoardId): Promise<void> {
  return request(indexedDB.deleteDatabase(historyDbName(id))).then(() => undefined);
}
