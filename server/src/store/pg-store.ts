import pg from "pg";
import {
  DEFAULT_THINNING,
  applyThinning,
  planThinningRead,
  type HistoryEntry,
  type HistoryPoint,
  type ThinningPolicy,
} from "@archboard/board-sync/history";
import { RoomModeSchema, type RoomId, type RoomMode } from "@archboard/protocol";
import type { Logger } from "../log.ts";
import { StoreOpenError } from "./open-file.ts";
import { LOCK_NAMESPACE, migrate } from "./pg-migrations.ts";
import { cleanState } from "./sqlite-store.ts";
import type { CompactionResult, DocId, RoomStore, StoredRoom, StoreHealth } from "./store.ts";

/** `updates.kind`: an update, or a checkpoint (the whole document at `created`). */
const KIND_CHECKPOINT = 1;

/** The document as it is now: its last checkpoint and every update not merged into one. */
const LIVE_ROWS = `SELECT bytes FROM updates WHERE room = $1 AND (
    NOT merged OR seq = (SELECT max(seq) FROM updates WHERE room = $1 AND kind = ${KIND_CHECKPOINT})
  ) ORDER BY seq`;

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
  /** How history is thinned as it ages (default {@link DEFAULT_THINNING}). */
  history?: ThinningPolicy;
}

/** A row's time in epoch ms, as the history model counts it. */
const AT = "(extract(epoch FROM created) * 1000)::bigint";
type PointRow = { seq: string; at: string; kind: number };
const toPoint = (r: PointRow): HistoryPoint => ({
  at: Number(r.at),
  kind: r.kind === KIND_CHECKPOINT ? "checkpoint" : "update",
});
const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

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
 * the room, so two servers never merge one room at once (the loser skips).
 * It keeps the log as history: it appends a checkpoint of the live rows and
 * marks exactly those rows `merged`, so a row another server commits
 * meanwhile, even with a lower `seq`, stays live (Yjs does not mind the
 * order); a load reads the last checkpoint and every unmerged update. History
 * is ordered by `created` (the database's clock, shared by every server),
 * then `seq`, and thinned in the same transaction.
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
  private readonly thinning: ThinningPolicy;

  constructor(
    private readonly url: string,
    { poolSize = 10, log, queryTimeoutMs = 30_000, history = DEFAULT_THINNING }: PostgresStoreOptions = {},
  ) {
    this.thinning = history;
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
    const { rows } = await this.pool.query<{ bytes: Buffer }>(LIVE_ROWS, [doc]);
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
      const { rows } = await client.query<{ seq: string; kind: number; bytes: Buffer }>(
        LIVE_ROWS.replace("SELECT bytes", "SELECT seq, kind, bytes"),
        [doc],
      );
      if (rows.length < 2) {
        await client.query("ROLLBACK");
        return null;
      }
      const state = cleanState(rows.map((r) => r.bytes));
      await client.query("UPDATE updates SET merged = true WHERE room = $1 AND seq = ANY($2::bigint[])", [
        doc,
        rows.map((r) => r.seq),
      ]);
      await client.query("INSERT INTO updates (room, bytes, kind, merged) VALUES ($1, $2, $3, true)", [
        doc,
        state,
        KIND_CHECKPOINT,
      ]);
      const thinnedRows = await this.thin(client, doc);
      await client.query("COMMIT");
      return { rowsBefore: rows.length, bytesAfter: state.byteLength, thinnedRows };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Replaces aged history by its thinned form, inside the caller's transaction; returns the rows replaced. */
  private async thin(client: pg.PoolClient, doc: DocId): Promise<number> {
    const { rows } = await client.query<PointRow & { merged: boolean }>(
      `SELECT seq, ${AT} AS at, kind, merged FROM updates WHERE room = $1 ORDER BY created, seq`,
      [doc],
    );
    const { rows: clock } = await client.query<{ now: string }>(
      `SELECT (extract(epoch FROM now()) * 1000)::bigint AS now`,
    );
    const now = Number(clock[0]?.now ?? Date.now());
    // Only rows already merged into a checkpoint are history to thin.
    const firstLive = rows.findIndex((r) => !r.merged);
    const points = (firstLive < 0 ? rows : rows.slice(0, firstLive)).map(toPoint);
    const plan = planThinningRead(points, now, this.thinning);
    if (!plan) return 0;
    const seqs = rows.slice(plan.readFrom, plan.readTo).map((r) => r.seq);
    const read = await client.query<{ seq: string; bytes: Buffer }>(
      "SELECT seq, bytes FROM updates WHERE room = $1 AND seq = ANY($2::bigint[])",
      [doc, seqs],
    );
    const bySeq = new Map(read.rows.map((r) => [r.seq, view(r.bytes)]));
    const bytes = seqs.map((seq) => {
      const found = bySeq.get(seq);
      if (!found) throw new Error(`update ${seq} of ${doc} vanished during compaction`);
      return found;
    });
    let replaced = 0;
    for (const e of applyThinning(points, plan, bytes)) {
      const runSeqs = rows.slice(e.from, e.to).map((r) => r.seq);
      await client.query("DELETE FROM updates WHERE room = $1 AND seq = ANY($2::bigint[])", [doc, runSeqs]);
      await client.query(
        "INSERT INTO updates (seq, room, bytes, created, kind, merged) VALUES ($1, $2, $3, to_timestamp($4::double precision / 1000), $5, true)",
        [runSeqs.at(-1), doc, e.bytes, e.at, e.kind === "checkpoint" ? KIND_CHECKPOINT : 0],
      );
      replaced += e.to - e.from;
    }
    return replaced;
  }

  async historyPoints(doc: DocId): Promise<HistoryPoint[]> {
    await this.settled();
    const { rows } = await this.pool.query<PointRow>(
      `SELECT seq, ${AT} AS at, kind FROM updates WHERE room = $1 ORDER BY created, seq`,
      [doc],
    );
    return rows.map(toPoint);
  }

  async historyAt(doc: DocId, at: number): Promise<HistoryEntry[]> {
    await this.settled();
    // One statement: the last checkpoint by `at` and every row after it up to `at`, in history order.
    const { rows } = await this.pool.query<PointRow & { bytes: Buffer }>(
      `WITH cp AS (
         SELECT created, seq FROM updates
         WHERE room = $1 AND kind = ${KIND_CHECKPOINT} AND ${AT} <= $2
         ORDER BY created DESC, seq DESC LIMIT 1)
       SELECT u.seq, ${AT.replace("created", "u.created")} AS at, u.kind, u.bytes FROM updates u
       WHERE u.room = $1 AND ${AT.replace("created", "u.created")} <= $2
         AND (NOT EXISTS (SELECT 1 FROM cp) OR (u.created, u.seq) >= (SELECT created, seq FROM cp))
       ORDER BY u.created, u.seq`,
      [doc, at],
    );
    return rows.map((r) => ({ ...toPoint(r), bytes: view(r.bytes) }));
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
