import pg from "pg";
import { RoomModeSchema, type RoomId, type RoomMode } from "@archboard/protocol";
import type { Logger } from "../log.ts";
import { StoreOpenError } from "./open-file.ts";
import { LOCK_NAMESPACE, migrate } from "./pg-migrations.ts";
import { cleanState } from "./sqlite-store.ts";
import type { CompactionResult, DocId, RoomStore, StoredRoom, StoreHealth } from "./store.ts";

/** How long `/readyz` waits for the database before calling it unreachable. */
const HEALTH_TIMEOUT_MS = 3000;

type Pending = { room: DocId; bytes: Uint8Array; resolve: () => void; reject: (err: unknown) => void };

export interface PostgresStoreOptions {
  /** Connections in the pool. */
  poolSize?: number;
  /** Where lost connections are reported. */
  log?: Logger;
  /** Longest a query may run before it fails (ms); a stalled network fails rather than hangs. */
  queryTimeoutMs?: number;
}

/** `postgres://user@host:port/db` without the password, for messages. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.search = "";
    return u.toString();
  } catch {
    return "DATABASE_URL (unparseable)";
  }
}

const message = (err: unknown): string => {
  if (err instanceof AggregateError) return err.errors.map(message).join("; ");
  if (err instanceof Error) return err.message || ("code" in err ? String(err.code) : err.name);
  return String(err);
};

/**
 * The {@link RoomStore} for deployments of several servers: rooms in
 * PostgreSQL (`DATABASE_URL`), shared by every server.
 *
 * The tables mirror the SQLite store's (see pg-migrations.ts): `rooms` holds
 * rooms created through the API and their mode, `updates` one append-only log
 * for every document, ordered by `seq`. Appends made while a commit is in
 * flight are committed together in the next one (one multi-row INSERT), so a
 * burst costs a round trip, not one per edit; each `append` resolves only
 * once its row is committed.
 *
 * Compaction runs under a transaction-scoped `pg_try_advisory_xact_lock` on
 * the room, so two servers never merge one room at once (the loser skips),
 * and deletes exactly the rows it merged: a row another server commits
 * meanwhile, even with a lower `seq`, survives (Yjs does not mind the order).
 */
export class PostgresRoomStore implements RoomStore {
  private readonly pool: pg.Pool;
  /** Resolves once the schema is migrated; rejects, with a {@link StoreOpenError}, when the database cannot be used. */
  readonly ready: Promise<void>;
  private pending: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;
  private failure: { error: string; since: number } | null = null;

  constructor(
    private readonly url: string,
    { poolSize = 10, log, queryTimeoutMs = 30_000 }: PostgresStoreOptions = {},
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: 5000,
      query_timeout: queryTimeoutMs,
      application_name: "archboard",
      keepAlive: true,
    });
    // An idle connection the database dropped (restart, outage): the pool replaces it on demand.
    this.pool.on("error", (err) => log?.warn("database connection lost", { error: message(err) }));
    this.ready = migrate(this.pool).then(
      (applied) => {
        if (applied.length > 0) log?.info("database migrated", { versions: applied });
      },
      (err: unknown) => {
        throw new StoreOpenError(`cannot use the database ${describeDatabase(url)}: ${message(err)}`);
      },
    );
    // Awaited by every method and by the server's start; never an unhandled rejection on its own.
    this.ready.catch(() => undefined);
  }

  async createRoom(room: RoomId, mode: RoomMode): Promise<void> {
    await this.ready;
    await this.pool.query("INSERT INTO rooms (id, mode) VALUES ($1, $2)", [room, mode]);
  }

  async getRoomMode(room: RoomId): Promise<RoomMode | null> {
    await this.settled();
    const { rows } = await this.pool.query<{ mode: string | null; logged: boolean }>(
      "SELECT (SELECT mode FROM rooms WHERE id = $1) AS mode, EXISTS (SELECT 1 FROM updates WHERE room = $1) AS logged",
      [room],
    );
    const row = rows[0];
    if (row?.mode != null) {
      // A mode this build does not know is treated as the stricter one.
      const mode = RoomModeSchema.safeParse(row.mode);
      return mode.success ? mode.data : "interview";
    }
    return row?.logged ? "open" : null;
  }

  async exists(room: RoomId): Promise<boolean> {
    await this.settled();
    const { rows } = await this.pool.query<{ found: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM rooms WHERE id = $1) OR EXISTS (SELECT 1 FROM updates WHERE room = $1) AS found",
      [room],
    );
    return rows[0]?.found === true;
  }

  async load(doc: DocId): Promise<StoredRoom> {
    // Rows this process queued belong to the log already; commit them first.
    await this.settled();
    const { rows } = await this.pool.query<{ bytes: Buffer }>(
      "SELECT bytes FROM updates WHERE room = $1 ORDER BY seq",
      [doc],
    );
    let bytes = 0;
    const updates = rows.map((r) => {
      bytes += r.bytes.byteLength;
      return new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
    });
    return { updates, bytes };
  }

  append(doc: DocId, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error("store is closed"));
    return new Promise((resolve, reject) => {
      this.pending.push({ room: doc, bytes: update, resolve, reject });
      this.schedule();
    });
  }

  async compact(doc: DocId): Promise<CompactionResult | null> {
    await this.settled();
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const lock = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked",
        [LOCK_NAMESPACE, doc],
      );
      // Another server is merging this room right now; its result serves us too.
      if (!lock.rows[0]?.locked) {
        await client.query("ROLLBACK");
        return null;
      }
      const { rows } = await client.query<{ seq: string; bytes: Buffer }>(
        "SELECT seq, bytes FROM updates WHERE room = $1 ORDER BY seq",
        [doc],
      );
      const last = rows.at(-1);
      if (!last || rows.length < 2) {
        await client.query("ROLLBACK");
        return null;
      }
      const state = cleanState(rows.map((r) => r.bytes));
      await client.query("DELETE FROM updates WHERE room = $1 AND seq = ANY($2::bigint[])", [
        doc,
        rows.map((r) => r.seq),
      ]);
      // Reusing the last seq keeps the merged row ahead of anything appended later.
      await client.query("INSERT INTO updates (seq, room, bytes) VALUES ($1, $2, $3)", [last.seq, doc, state]);
      await client.query("COMMIT");
      return { rowsBefore: rows.length, bytesAfter: state.byteLength };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, error: "store is closed" };
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
      });
      await Promise.race([this.ready.then(() => this.pool.query("SELECT 1 FROM rooms LIMIT 1")), timeout]);
    } catch (err) {
      return { ok: false, error: `reading ${describeDatabase(this.url)} failed: ${message(err)}` };
    } finally {
      clearTimeout(timer);
    }
    if (this.failure)
      return { ok: false, error: `writes are failing: ${this.failure.error}`, since: this.failure.since };
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.settled();
    await this.pool.end();
  }

  /** Resolves once every append queued so far is committed or has failed. */
  private async settled(): Promise<void> {
    await this.ready;
    while (this.flushing || this.pending.length > 0) await (this.flushing ?? this.flush());
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.flushing && this.pending.length > 0) void this.flush();
    });
  }

  /** Commits every queued append in one INSERT and settles their promises; one at a time. */
  private flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const run = async () => {
      try {
        await this.ready;
        await this.pool.query("INSERT INTO updates (room, bytes) SELECT * FROM unnest($1::text[], $2::bytea[])", [
          batch.map((p) => p.room),
          batch.map((p) => p.bytes),
        ]);
      } catch (err) {
        this.failure ??= { error: message(err), since: Date.now() };
        for (const p of batch) p.reject(err);
        return;
      }
      this.failure = null;
      for (const p of batch) p.resolve();
    };
    this.flushing = run().finally(() => {
      this.flushing = null;
      if (this.pending.length > 0) this.schedule();
    });
    return this.flushing;
  }
}
