import { join } from "node:path";
import Database from "better-sqlite3";
import * as Y from "yjs";
import {
  DEFAULT_THINNING,
  applyThinning,
  planThinningRead,
  type HistoryEntry,
  type HistoryPoint,
  type ThinningPolicy,
} from "@archboard/board-sync/history";
import { RoomModeSchema, type RoomId, type RoomMode } from "@archboard/protocol";
import { explainOpenError, openRoomsFile, ROOMS_FILE } from "./open-file.ts";
import { CODEC_RAW, packRow, unpackRow } from "./row-codec.ts";
import type { CompactionResult, DocId, RoomStore, StoredRoom, StoreHealth } from "./store.ts";

/**
 * 2 added `rooms.mode`; 3 turned on incremental auto-vacuum; 4 added
 * `updates.kind` (history); 5 added `updates.codec` (compressed checkpoints).
 */
const SCHEMA_VERSION = 5;

/** `updates.kind`: an update, or a checkpoint (the whole document at `created`). */
const KIND_UPDATE = 0;
const KIND_CHECKPOINT = 1;

/** `PRAGMA auto_vacuum` value for INCREMENTAL. */
const AUTO_VACUUM_INCREMENTAL = 2;
/** Free pages tolerated before a compaction hands them back to the file system (4 MiB of 4 KiB pages). */
const FREE_PAGES_KEPT = 1024;

/**
 * The document's state, clean: the rows applied to a fresh garbage-collecting
 * Y.Doc and encoded again. Unlike `Y.mergeUpdates`, which keeps every value a
 * later write overwrote, this keeps only what is live plus the tombstones
 * (ids and lengths) Yjs needs to merge with peers that saw the old values.
 * Updates still waiting for a missing dependency stay in the encoding.
 */
export function cleanState(rows: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, Y.mergeUpdates(rows));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  id      TEXT PRIMARY KEY,
  created INTEGER NOT NULL,
  mode    TEXT NOT NULL DEFAULT 'open'
) STRICT;
CREATE TABLE IF NOT EXISTS updates (
  seq     INTEGER PRIMARY KEY,
  room    TEXT NOT NULL,
  bytes   BLOB NOT NULL,
  created INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);
`;

/** After the `kind` column exists: finds a document's checkpoints without reading its updates. */
const CHECKPOINT_INDEX = `CREATE INDEX IF NOT EXISTS checkpoints_by_room ON updates (room, seq) WHERE kind = ${KIND_CHECKPOINT};`;

type Row = { seq: number; created: number; kind: number };
/** A row read with its bytes, as stored (see row-codec.ts). */
type StoredBytes = { seq: number; bytes: Buffer; codec: number };
const toPoint = (r: Row): HistoryPoint => ({
  at: r.created,
  kind: r.kind === KIND_CHECKPOINT ? "checkpoint" : "update",
});
const decode = (r: { bytes: Buffer; codec: number }) => unpackRow(r.bytes, r.codec);

type Pending = { room: DocId; bytes: Uint8Array; resolve: () => void; reject: (err: unknown) => void };

/**
 * The embedded {@link RoomStore}: one SQLite file (`rooms.sqlite`) in WAL mode.
 *
 * `rooms` holds rooms created through the API and their mode. `updates` is one
 * append-only log for all documents (a room's board under its id, its notes
 * under `<id>/notes`); `seq` (the rowid) orders it, `created` timestamps it
 * (never decreasing within this process) and `kind` tells a checkpoint from
 * an update. The log is each document's history: compaction appends a
 * checkpoint and thins what has aged, by the policy given at construction.
 * Appends made in the same event-loop turn are committed together in one
 * transaction on the next `setImmediate`, so a burst of edits across many
 * rooms costs one commit, while each `append` still resolves only after its
 * row is committed. With `synchronous=NORMAL` a commit survives the process
 * being killed; only an OS crash or power cut can lose the last few commits.
 */
export class SqliteRoomStore implements RoomStore {
  private readonly db: Database.Database;
  private readonly stmt: {
    probe: Database.Statement<[], { n: number }>;
    createRoom: Database.Statement<[string, number, string]>;
    roomMode: Database.Statement<[string], { mode: string }>;
    hasUpdates: Database.Statement<[string], { one: number }>;
    roomExists: Database.Statement<[string, string]>;
    insert: Database.Statement<[string, Uint8Array, number]>;
    insertRow: Database.Statement<[number | null, string, Uint8Array, number, number, number]>;
    lastCheckpoint: Database.Statement<[string], { seq: number | null }>;
    live: Database.Statement<[string, number], StoredBytes>;
    points: Database.Statement<[string], Row>;
    bytesBetween: Database.Statement<[string, number, number], StoredBytes>;
    checkpointBy: Database.Statement<[string, number], { seq: number | null }>;
    rowsBy: Database.Statement<[string, number, number], Row & StoredBytes>;
    deleteBetween: Database.Statement<[string, number, number]>;
    freePages: Database.Statement<[], { freelist_count: number }>;
  };
  private pending: Pending[] = [];
  private readonly thinning: ThinningPolicy;
  /** The last `created` written, so times along a history never decrease when the clock steps back. */
  private lastCreated = 0;
  private flushScheduled = false;
  private closed = false;

  /** The last write that failed, until one succeeds again. */
  private failure: { error: string; since: number } | null = null;

  /**
   * Opens (creating if needed) `<dataDir>/rooms.sqlite`. Throws a
   * {@link StoreOpenError} naming the file and the likely cause when it
   * cannot (see open-file.ts). With `maxBytes`, the file may not grow past
   * it: appends beyond fail (SQLITE_FULL) as on a full disk. `history` is
   * how history is thinned as it ages (default {@link DEFAULT_THINNING}).
   */
  constructor(
    dataDir: string,
    { maxBytes = 0, history = DEFAULT_THINNING }: { maxBytes?: number; history?: ThinningPolicy } = {},
  ) {
    this.thinning = history;
    this.db = openRoomsFile(dataDir);
    try {
      this.stmt = this.prepare();
      if (maxBytes > 0) {
        const pageSize = this.db.pragma("page_size", { simple: true }) as number;
        this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
      }
    } catch (err) {
      this.db.close();
      throw explainOpenError(err, join(dataDir, ROOMS_FILE), dataDir);
    }
  }

  /** Sets the file up (vacuum mode, WAL, schema) and prepares the statements. */
  private prepare(): SqliteRoomStore["stmt"] {
    // Before anything writes the file: a new file takes the setting as is, an older one
    // is rebuilt once (VACUUM, outside any transaction) to take it.
    if (this.db.pragma("auto_vacuum", { simple: true }) !== AUTO_VACUUM_INCREMENTAL) {
      this.db.pragma("auto_vacuum = INCREMENTAL");
      if (this.db.pragma("auto_vacuum", { simple: true }) !== AUTO_VACUUM_INCREMENTAL) this.db.exec("VACUUM");
    }
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Another process may hold the write lock briefly (a shared file during a handover).
    this.db.pragma("busy_timeout = 5000");
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`rooms.sqlite has schema ${version}; this server knows ${SCHEMA_VERSION}`);
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      const columns = this.db.pragma("table_info(rooms)") as { name: string }[];
      // Version 1 files: every room in them was an open room.
      if (!columns.some((c) => c.name === "mode"))
        this.db.exec("ALTER TABLE rooms ADD COLUMN mode TEXT NOT NULL DEFAULT 'open'");
      // Version 3 files and older: every row was an update, or the merge of older ones,
      // which holds the whole document as a checkpoint does; both rebuild correctly as updates.
      const updateColumns = this.db.pragma("table_info(updates)") as { name: string }[];
      if (!updateColumns.some((c) => c.name === "kind"))
        this.db.exec(`ALTER TABLE updates ADD COLUMN kind INTEGER NOT NULL DEFAULT ${KIND_UPDATE}`);
      // Version 4 files and older: every row is stored as it is.
      if (!updateColumns.some((c) => c.name === "codec"))
        this.db.exec(`ALTER TABLE updates ADD COLUMN codec INTEGER NOT NULL DEFAULT ${CODEC_RAW}`);
      this.db.exec(CHECKPOINT_INDEX);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    return {
      probe: this.db.prepare("SELECT 1 AS n FROM rooms LIMIT 1"),
      createRoom: this.db.prepare("INSERT INTO rooms (id, created, mode) VALUES (?, ?, ?)"),
      roomMode: this.db.prepare("SELECT mode FROM rooms WHERE id = ?"),
      hasUpdates: this.db.prepare("SELECT 1 AS one FROM updates WHERE room = ? LIMIT 1"),
      roomExists: this.db.prepare(
        "SELECT 1 FROM rooms WHERE id = ? UNION ALL SELECT 1 FROM updates WHERE room = ? LIMIT 1",
      ),
      insert: this.db.prepare("INSERT INTO updates (room, bytes, created) VALUES (?, ?, ?)"),
      insertRow: this.db.prepare(
        "INSERT INTO updates (seq, room, bytes, created, kind, codec) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      lastCheckpoint: this.db.prepare(
        `SELECT MAX(seq) AS seq FROM updates WHERE room = ? AND kind = ${KIND_CHECKPOINT}`,
      ),
      live: this.db.prepare("SELECT seq, bytes, codec FROM updates WHERE room = ? AND seq >= ? ORDER BY seq"),
      points: this.db.prepare("SELECT seq, created, kind FROM updates WHERE room = ? ORDER BY seq"),
      bytesBetween: this.db.prepare(
        "SELECT seq, bytes, codec FROM updates WHERE room = ? AND seq >= ? AND seq <= ? ORDER BY seq",
      ),
      checkpointBy: this.db.prepare(
        `SELECT MAX(seq) AS seq FROM updates WHERE room = ? AND kind = ${KIND_CHECKPOINT} AND created <= ?`,
      ),
      rowsBy: this.db.prepare(
        "SELECT seq, created, kind, bytes, codec FROM updates WHERE room = ? AND seq >= ? AND created <= ? ORDER BY seq",
      ),
      deleteBetween: this.db.prepare("DELETE FROM updates WHERE room = ? AND seq >= ? AND seq <= ?"),
      freePages: this.db.prepare("PRAGMA freelist_count"),
    };
  }

  async createRoom(room: RoomId, mode: RoomMode): Promise<void> {
    this.stmt.createRoom.run(room, Date.now(), mode);
  }

  async getRoomMode(room: RoomId): Promise<RoomMode | null> {
    const row = this.stmt.roomMode.get(room);
    if (row) {
      // A mode this build does not know is treated as the stricter one.
      const mode = RoomModeSchema.safeParse(row.mode);
      return mode.success ? mode.data : "interview";
    }
    this.flush();
    return this.stmt.hasUpdates.get(room) ? "open" : null;
  }

  async exists(room: RoomId): Promise<boolean> {
    this.flush();
    return this.stmt.roomExists.get(room, room) !== undefined;
  }

  async load(room: DocId): Promise<StoredRoom> {
    // Rows queued for this turn belong to the log already; commit them first.
    this.flush();
    let bytes = 0;
    const updates = this.liveRows(room).map((u) => {
      bytes += u.byteLength;
      return u;
    });
    return { updates, bytes };
  }

  /** The last checkpoint and every row after it, decoded: the document as it is now. */
  private liveRows(room: DocId): Uint8Array[] {
    return this.stmt.live.all(room, this.stmt.lastCheckpoint.get(room)?.seq ?? 0).map(decode);
  }

  async historyPoints(room: DocId): Promise<HistoryPoint[]> {
    this.flush();
    return this.stmt.points.all(room).map(toPoint);
  }

  async historyAt(room: DocId, at: number): Promise<HistoryEntry[]> {
    this.flush();
    // One read transaction, so a compaction cannot thin the rows between the two reads.
    // Times never decrease along a document's rows, so "stored by `at`" is a prefix:
    // the rows from the last checkpoint by then, up to `at` (rebuildRange, in SQL).
    return this.db.transaction(() => {
      const from = this.stmt.checkpointBy.get(room, at)?.seq ?? 0;
      return this.stmt.rowsBy.all(room, from, at).map((r) => ({ ...toPoint(r), bytes: decode(r) }));
    })();
  }

  append(room: DocId, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error("store is closed"));
    return new Promise((resolve, reject) => {
      this.pending.push({ room, bytes: update, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async compact(room: DocId): Promise<CompactionResult | null> {
    this.flush();
    // IMMEDIATE takes the write lock before reading, so no other writer can
    // slip a row in between the read and the write.
    // One transaction: a process killed part-way leaves the rows as they were.
    const result = this.db
      .transaction((): CompactionResult | null => {
        const rows = this.liveRows(room);
        if (rows.length < 2) return null;
        const state = cleanState(rows);
        // After every row so far, as the newest: the next load reads it alone.
        this.insertRow(null, room, state, this.nextCreated(), KIND_CHECKPOINT);
        const thinnedRows = this.thin(room);
        return { rowsBefore: rows.length, bytesAfter: state.byteLength, thinnedRows };
      })
      .immediate();
    if (result) this.releaseFreePages();
    return result;
  }

  /**
   * Replaces the document's aged history by its thinned form (inside the
   * caller's transaction). Reads bytes only when the plan changes something,
   * and only from the checkpoint the change starts at. Returns the rows replaced.
   */
  private thin(room: DocId): number {
    const rows = this.stmt.points.all(room);
    const points = rows.map(toPoint);
    const plan = planThinningRead(points, this.nextCreated(), this.thinning);
    if (!plan) return 0;
    const read = this.stmt.bytesBetween.all(room, (rows[plan.readFrom] as Row).seq, (rows[plan.readTo - 1] as Row).seq);
    let replaced = 0;
    for (const e of applyThinning(points, plan, read.map(decode))) {
      const first = rows[e.from] as Row;
      const last = rows[e.to - 1] as Row;
      this.stmt.deleteBetween.run(room, first.seq, last.seq);
      // The run's last seq keeps the thinned row in its place in the order.
      this.insertRow(last.seq, room, e.bytes, e.at, e.kind === "checkpoint" ? KIND_CHECKPOINT : KIND_UPDATE);
      replaced += e.to - e.from;
    }
    return replaced;
  }

  /** Writes a checkpoint or thinned row, compressed when that pays (row-codec.ts). */
  private insertRow(seq: number | null, room: DocId, bytes: Uint8Array, at: number, kind: number): void {
    const packed = packRow(bytes);
    this.stmt.insertRow.run(seq, room, packed.bytes, at, kind, packed.codec);
  }

  /** Now, or the last time written if the clock stepped back. */
  private nextCreated(): number {
    this.lastCreated = Math.max(this.lastCreated, Date.now());
    return this.lastCreated;
  }

  /**
   * Hands free pages back to the file system once there are more than
   * {@link FREE_PAGES_KEPT}: compaction deletes rows, and without this the
   * file keeps its high-water size. Incremental vacuum moves pages from the
   * end of the file into the holes and truncates it, without rewriting the
   * whole file as VACUUM would.
   */
  private releaseFreePages(): void {
    const free = this.stmt.freePages.get()?.freelist_count ?? 0;
    if (free > FREE_PAGES_KEPT) this.db.pragma(`incremental_vacuum(${free})`);
  }

  async health(): Promise<StoreHealth> {
    if (this.closed) return { ok: false, error: "store is closed" };
    try {
      this.stmt.probe.get();
    } catch (err) {
      return { ok: false, error: `reading rooms.sqlite failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (this.failure)
      return { ok: false, error: `writes are failing: ${this.failure.error}`, since: this.failure.since };
    return { ok: true };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    // A stopped server leaves a file without free pages: what is on disk is what is stored.
    this.db.pragma("incremental_vacuum");
    this.db.close();
  }

  /** Commits every queued append in one transaction and settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const now = this.nextCreated();
    try {
      this.db.transaction(() => {
        for (const p of batch) this.stmt.insert.run(p.room, p.bytes, now);
      })();
    } catch (err) {
      this.failure ??= { error: err instanceof Error ? err.message : String(err), since: Date.now() };
      for (const p of batch) p.reject(err);
      return;
    }
    this.failure = null;
    for (const p of batch) p.resolve();
  }
}
