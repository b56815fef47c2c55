/**
 * How many bytes a server's store keeps per room against a clean snapshot of
 * the same document (its state loaded into a fresh Y.Doc and encoded again),
 * read from the SQLite file in a `DATA_DIR` after the server has stopped.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { unpackRow } from "@archboard/server/store/row-codec";
import { cleanState } from "@archboard/server/store/sqlite-store";

export interface StorageReport {
  docs: number;
  /** Sum of the stored rows' bytes. */
  storedBytes: number;
  /** Sum of each document's clean snapshot. */
  cleanBytes: number;
  /** The largest stored / clean ratio of any one document. */
  worstRatio: number;
  /** `rooms.sqlite` plus its WAL, as on disk. */
  fileBytes: number;
  /** Of the file, pages on SQLite's free list (kept for reuse), in bytes. */
  freeBytes: number;
}

const size = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

export function storageReport(dataDir: string): StorageReport {
  const file = join(dataDir, "rooms.sqlite");
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT room, bytes, codec FROM updates ORDER BY room, seq").all() as {
      room: string;
      bytes: Buffer;
      codec: number;
    }[];
    // Per document: the bytes as stored (checkpoints compressed) and the updates they hold.
    const byDoc = new Map<string, { stored: number; updates: Uint8Array[] }>();
    for (const r of rows) {
      const doc = byDoc.get(r.room) ?? { stored: 0, updates: [] };
      doc.stored += r.bytes.byteLength;
      doc.updates.push(unpackRow(r.bytes, r.codec));
      byDoc.set(r.room, doc);
    }
    let storedBytes = 0;
    let cleanBytes = 0;
    let worstRatio = 0;
    for (const { stored, updates } of byDoc.values()) {
      const clean = cleanState(updates).byteLength;
      storedBytes += stored;
      cleanBytes += clean;
      worstRatio = Math.max(worstRatio, stored / clean);
    }
    const pageSize = db.pragma("page_size", { simple: true }) as number;
    const freeBytes = (db.pragma("freelist_count", { simple: true }) as number) * pageSize;
    return {
      docs: byDoc.size,
      storedBytes,
      cleanBytes,
      worstRatio,
      fileBytes: size(file) + size(`${file}-wal`),
      freeBytes,
    };
  } finally {
    db.close();
  }
}

/** One line for a benchmark's output. */
export function formatStorageReport(r: StorageReport): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return (
    `store after the run: ${r.docs} rooms, ${kib(r.storedBytes)} stored vs ${kib(r.cleanBytes)} as clean snapshots ` +
    `(${(r.storedBytes / r.cleanBytes).toFixed(2)}×, worst room ${r.worstRatio.toFixed(2)}×); ` +
    `file with WAL ${kib(r.fileBytes)} (${(r.fileBytes / r.cleanBytes).toFixed(2)}× the clean snapshots, ${kib(r.freeBytes)} of it free pages)`
  );
}
