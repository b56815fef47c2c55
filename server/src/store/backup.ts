import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { ROOMS_FILE } from "./open-file.ts";

/** What a backup holds, read back from the copy once it is written. */
export interface BackupSummary {
  file: string;
  bytes: number;
  /** Rooms created through the API. */
  rooms: number;
  /** Documents with stored updates (boards and interview notes). */
  documents: number;
  updates: number;
}

/**
 * Copies `<dataDir>/rooms.sqlite` into `dest` with SQLite's online backup
 * API, which is safe while a server is running and writing: the copy is one
 * consistent state of the database, its write-ahead log included. Copying
 * the file alone while the server runs is not: recent commits still in
 * `rooms.sqlite-wal` are missed, and a copy taken mid-write can be torn.
 *
 * The copy is then opened and checked (`PRAGMA integrity_check`) before its
 * summary is returned. Refuses to overwrite an existing `dest`.
 */
export async function backupRooms(dataDir: string, dest: string): Promise<BackupSummary> {
  const source = join(dataDir, ROOMS_FILE);
  if (!existsSync(source) || statSync(source).size === 0) {
    throw new Error(`no room file to back up at ${source} (is DATA_DIR right?)`);
  }
  if (existsSync(dest)) throw new Error(`${dest} already exists; name a new file for the backup`);
  const db = new Database(source, { fileMustExist: true });
  try {
    // Waits for a server holding the write lock instead of failing at once.
    db.pragma("busy_timeout = 5000");
    await db.backup(dest);
  } finally {
    db.close();
  }
  const copy = new Database(dest, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`the backup at ${dest} failed its integrity check: ${String(integrity)}`);
    const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
    return {
      file: dest,
      bytes: statSync(dest).size,
      rooms: count("SELECT count(*) AS n FROM rooms"),
      documents: count("SELECT count(DISTINCT room) AS n FROM updates"),
      updates: count("SELECT count(*) AS n FROM updates"),
    };
  } finally {
    copy.close();
  }
}
