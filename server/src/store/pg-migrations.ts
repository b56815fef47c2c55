import type { Pool } from "pg";

/** One step of the PostgreSQL schema; applied once, in order, never edited after release. */
export interface Migration {
  version: number;
  /** What the step does, recorded beside its version. */
  name: string;
  sql: string;
}

/**
 * The schema, as the steps that build it. A database is at version N when
 * steps 1..N are recorded in `archboard_migrations`; a server applies the
 * steps it knows and the database lacks, and refuses a database at a version
 * it does not know (a newer server migrated it).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "rooms and their update log",
    sql: `
      CREATE TABLE rooms (
        id      text PRIMARY KEY,
        created timestamptz NOT NULL DEFAULT now(),
        mode    text NOT NULL DEFAULT 'open'
      );
      CREATE TABLE updates (
        seq     bigserial PRIMARY KEY,
        room    text NOT NULL,
        bytes   bytea NOT NULL,
        created timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX updates_by_room ON updates (room, seq);
    `,
  },
  {
    version: 2,
    name: "history: checkpoints kept in the log",
    // Rows from before are updates, or merges of older ones holding the whole document:
    // both rebuild correctly as updates, and every one was merged into the live state.
    sql: `
      ALTER TABLE updates ADD COLUMN kind smallint NOT NULL DEFAULT 0;
      ALTER TABLE updates ADD COLUMN merged boolean NOT NULL DEFAULT false;
      CREATE INDEX checkpoints_by_room ON updates (room, created, seq) WHERE kind = 1;
      CREATE INDEX history_by_room ON updates (room, created, seq);
    `,
  },
];

/** The version this build brings a database to. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * First key of every advisory lock this server takes; the second names what
 * is locked (0: migrations, otherwise a room). Keeps them apart from other
 * applications' locks in a shared database.
 */
export const LOCK_NAMESPACE = 0x41524348; // "ARCH"

/**
 * Brings the database to {@link SCHEMA_VERSION} in one transaction. Servers
 * starting together serialize on an advisory lock, so each step runs once;
 * a failure leaves the database as it was. Resolves with the steps applied.
 */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_NAMESPACE]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS archboard_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM archboard_migrations");
    const current = rows[0]?.v ?? 0;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) {
      throw new Error(`the database has schema version ${current}; this server knows up to ${known} (upgrade it)`);
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query("INSERT INTO archboard_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query("COMMIT");
    return applied;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
