import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** The room file's name inside `DATA_DIR`. */
export const ROOMS_FILE = "rooms.sqlite";

/** A start-up failure of the store, worded for whoever runs the server. */
export class StoreOpenError extends Error {
  override name = "StoreOpenError";
}

const codeOf = (err: unknown): string =>
  typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";

/**
 * Opens `<dataDir>/rooms.sqlite`, creating the directory and the file when
 * there is neither. Refuses, with a sentence naming the path and the likely
 * cause, a directory that cannot be created or written, and a 0-byte room
 * file: SQLite would take it for a new database and the server would start
 * with no rooms where there were some (a truncated file, a copy that failed).
 */
export function openRoomsFile(dataDir: string): Database.Database {
  const file = join(dataDir, ROOMS_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new StoreOpenError(
      `DATA_DIR ${dataDir} cannot be created or is not writable (${codeOf(err) || String(err)})`,
    );
  }
  let size: number | null = null;
  try {
    size = statSync(file).size;
  } catch {
    // No file yet: a first start.
  }
  if (size === 0) {
    throw new StoreOpenError(
      `${file} is empty (0 bytes) where a room file was expected: it may have been truncated or replaced. ` +
        `Restore it from a backup, or delete it to start with no rooms.`,
    );
  }
  try {
    return new Database(file);
  } catch (err) {
    throw explainOpenError(err, file, dataDir);
  }
}

/** Rewords an error from opening or first reading the room file. */
export function explainOpenError(err: unknown, file: string, dataDir: string): Error {
  if (err instanceof StoreOpenError) return err;
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (code === "SQLITE_NOTADB") return new StoreOpenError(`${file} is not a database (corrupt?): ${detail}`);
  if (code === "SQLITE_CORRUPT") return new StoreOpenError(`${file} is corrupt: ${detail}. Restore it from a backup.`);
  if (code === "SQLITE_CANTOPEN" || code === "SQLITE_READONLY" || code === "SQLITE_PERM" || code === "EACCES")
    return new StoreOpenError(`DATA_DIR ${dataDir} not writable: cannot open ${file} for writing (${detail})`);
  if (code === "SQLITE_FULL") return new StoreOpenError(`the disk holding ${file} is full (${detail})`);
  return new StoreOpenError(`cannot open ${file}: ${detail}`);
}
