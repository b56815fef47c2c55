import type { ServerConfig } from "../config.ts";
import type { Logger } from "../log.ts";
import { describeDatabase, PostgresRoomStore } from "./pg-store.ts";
import { SqliteRoomStore } from "./sqlite-store.ts";
import type { RoomStore } from "./store.ts";

/** A store and the moment it can serve. */
export interface OpenedStore {
  store: RoomStore;
  /** Resolves once the store is usable (schema migrated); rejects with a sentence for the operator. */
  ready: Promise<void>;
}

/**
 * The store the configuration asks for: PostgreSQL when `DATABASE_URL` is
 * set, otherwise SQLite in `DATA_DIR` (opened at once, so its start-up errors
 * throw here).
 */
export function openStore(config: ServerConfig, log: Logger): OpenedStore {
  if (config.databaseUrl !== undefined) {
    const store = new PostgresRoomStore(config.databaseUrl, {
      poolSize: config.databasePoolSize,
      log,
      history: config.history,
    });
    log.info("store", { kind: "postgres", database: describeDatabase(config.databaseUrl) });
    return { store, ready: store.ready };
  }
  const store = new SqliteRoomStore(config.dataDir, { maxBytes: config.dataMaxBytes, history: config.history });
  return { store, ready: Promise.resolve() };
}
