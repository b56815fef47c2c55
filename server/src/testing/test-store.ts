/**
 * Which store the server tests run against. The `server-pg` test project
 * sets `ARCHBOARD_TEST_STORE=postgres` and starts one PostgreSQL for its run
 * (postgres-global-setup.ts); the same suites then run on PostgreSQL, each
 * test server in its own schema. Everywhere else: SQLite in the server's
 * DATA_DIR, and nothing here touches PostgreSQL.
 */
import { createHash } from "node:crypto";
import type { ThinningPolicy } from "@archboard/board-sync/history";
import pg from "pg";
import { inject } from "vitest";
import { PostgresRoomStore } from "../store/pg-store.ts";
import { SqliteRoomStore } from "../store/sqlite-store.ts";
import type { RoomStore } from "../store/store.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test run's PostgreSQL, or why it could not start. */
    archboardPostgres: { url: string } | { error: string };
  }
}

/** The signing secret every test server shares when the store is PostgreSQL (where one is required). */
export const SHARED_TEST_SECRET = "shared-test-secret-0123456789abcdef0123";

export type TestStoreKind = "sqlite" | "postgres";

/** The store this test run exercises. */
export const testStoreKind = (): TestStoreKind =>
  process.env.ARCHBOARD_TEST_STORE === "postgres" ? "postgres" : "sqlite";

/** The run's PostgreSQL URL; throws why there is none (binaries missing, start failed). */
function postgresUrl(): string {
  const provided = inject("archboardPostgres");
  if (!provided) throw new Error("no PostgreSQL for this run: the server-pg project's global setup did not run");
  if ("error" in provided) throw new Error(`PostgreSQL for the server-pg tests: ${provided.error}`);
  return provided.url;
}

/**
 * A `DATABASE_URL` private to `dataDir`: a schema named after it, created on
 * first use, so a server restarted on the same DATA_DIR finds its rooms, and
 * servers on different ones share nothing.
 */
export async function databaseUrlFor(dataDir: string, base = postgresUrl()): Promise<string> {
  const schema = `t_${createHash("sha1").update(dataDir).digest("hex").slice(0, 24)}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
  return `${base}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/**
 * Environment a server on `dataDir` needs for this run's store: nothing for
 * SQLite; `DATABASE_URL` and the shared `ARCHBOARD_SECRET` for PostgreSQL.
 */
export async function testStoreEnv(dataDir: string): Promise<Record<string, string>> {
  if (testStoreKind() === "sqlite") return {};
  return { DATABASE_URL: await databaseUrlFor(dataDir), ARCHBOARD_SECRET: SHARED_TEST_SECRET };
}

/** Opens the store a server on `dataDir` would use in this run (ready to use), thinning history by `history`. */
export async function openTestStore(dataDir: string, history?: ThinningPolicy): Promise<RoomStore> {
  if (testStoreKind() === "sqlite") return new SqliteRoomStore(dataDir, { history });
  const store = new PostgresRoomStore(await databaseUrlFor(dataDir), { poolSize: 4, history });
  await store.ready;
  return store;
}
