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
    request(store.getAll() as IDBRequest<StoredPoint[]>),
  ]);
  return values.map((p, i) => ({
    at: p.at,
    kind: p.kind,
    key: keys[i] as number,
    ...(Array.isArray(p.clients) ? { clients: p.clients } : {}),
  }));
}

/**
 * An entry as appended: `clients` are the Yjs client ids whose changes it
 * holds (who drew it), where known; points stored before this was kept have none.
 */
export type AttributedEntry = HistoryEntry & { readonly clients?: readonly number[] };

/** A point as stored in the `points` object store. */
type StoredPoint = HistoryPoint & { clients?: readonly number[] };

/** One stored point with its key, so a thinned run can replace the keys it covered. */
interface KeyedPoint extends StoredPoint {
  readonly key: number;
}

/** The stored value of a point: its time, kind and, where known, its clients. */
const storedPoint = (e: StoredPoint): StoredPoint => ({
  at: e.at,
  kind: e.kind,
  ...(e.clients && e.clients.length > 0 ? { clients: [...e.clients] } : {}),
});

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

  /**
   * Who made each change, where known: the time of each point and the Yjs
   * client ids whose changes it holds (empty for a checkpoint the recorder
   * wrote, and for points recorded before this was kept; a thinned point
   * holds everyone who drew in what it replaced).
   */
  activity(): { at: number; clients: readonly number[] }[] {
    return this.keyed.map((p) => ({ at: p.at, clients: p.clients ?? [] }));
  }

  /** Appends entries (in order) in one transaction. */
  async append(entries: readonly AttributedEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const tx = this.db.transaction([POINTS, BYTES], "readwrite");
    const added: KeyedPoint[] = [];
    for (const e of entries) {
      const point = storedPoint(e);
      const add = tx.objectStore(POINTS).add(point);
      add.onsuccess = () => {
        const key = add.result as number;
        tx.objectStore(BYTES).put(e.bytes, key);
        added.push({ ...point, key });
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
      // A thinned point holds the changes of everyone who drew in its run.
      const clients = new Set(this.keyed.slice(from, to).flatMap((p) => p.clients ?? []));
      const point = storedPoint({ at: entry.at, kind: entry.kind, clients: [...clients] });
      tx.objectStore(POINTS).put(point, last.key);
      tx.objectStore(BYTES).put(entry.bytes, last.key);
      for (let i = from; i < to - 1; i++) dropped.add(i);
      replaced.set(to - 1, { ...point, key: last.key });
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
