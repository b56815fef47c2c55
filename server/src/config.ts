import { resolve } from "node:path";
import { thinningPolicy, type ThinningPolicy } from "@archboard/board-sync/history";
import { LIMITS } from "@archboard/protocol";
import { z } from "zod";

const MiB = 1024 * 1024;
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** Server configuration, read from the environment once at start-up. */
export const ConfigSchema = z.object({
  /** TCP port for HTTP and WebSocket sync. 0 picks a free port. */
  PORT: int(0, 65535, 8080),
  /** Interface to bind; loopback-only deployments set 127.0.0.1. */
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Where server-side state lives (room documents, signing secret). */
  DATA_DIR: z.string().min(1).default("./data"),
  /**
   * Largest size of `DATA_DIR/rooms.sqlite` in bytes; past it, appends fail
   * as on a full disk and `/readyz` says so. 0: no limit but the disk's.
   */
  DATA_MAX_BYTES: int(0, Number.MAX_SAFE_INTEGER, 0),
  /** Directory holding the built web app (index.html + assets). */
  WEB_DIST: z.string().min(1).optional(),
  /**
   * Key that signs invite tokens (HS256), at least 32 characters. Unset: a
   * random one is generated once into `DATA_DIR/secret.key` (mode 0600).
   * Changing it invalidates every invite link already handed out.
   */
  ARCHBOARD_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  /**
   * `postgres://user:password@host:5432/db`: keep rooms in PostgreSQL, shared by
   * every server given the same URL. Unset: SQLite in `DATA_DIR`.
   */
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Connections each server keeps open to PostgreSQL at most. */
  DATABASE_POOL_SIZE: int(1, 1000, 10),
  /**
   * `redis://host:6379`: relay each room's changes and presence to the other
   * servers sharing the store. Unset: this server's clients see only each other.
   */
  REDIS_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
  ),
  /** With REDIS_URL: how often each loaded room re-reads its document from the store, healing lost messages (ms). */
  ROOM_HEAL_INTERVAL_MS: int(100, 24 * 3600 * 1000, 30_000),
  /**
   * How long a failing append is retried before the room's sockets are closed
   * (ms). Default: 60 s with DATABASE_URL (an outage passes), 0 with SQLite (a full disk does not).
   */
  STORE_RETRY_MS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(0).max(3600_000).optional(),
  ),
  /** Rooms one client IP may create per minute through `POST /api/rooms`; more get 429. */
  ROOM_CREATE_PER_MINUTE: int(1, 1_000_000, 30),
  /**
   * Origins (e.g. `https://prep.example.com`), comma-separated, whose pages may
   * create rooms besides the server's own; other sites' pages are refused.
   */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((o) => new URL(o).origin))),
  /** `json` for machine-readable logs, `pretty` for humans, `silent` in tests. */
  LOG_FORMAT: z.enum(["json", "pretty", "silent"]).default("json"),
  /** Largest sync WebSocket message in bytes; bigger ones are closed with 1009. */
  MAX_MESSAGE_BYTES: int(1024, 256 * MiB, LIMITS.maxSyncMessageBytes),
  /** Sustained sync messages per second per connection… */
  SYNC_RATE_PER_SECOND: int(1, 100_000, 200),
  /** …and how many may arrive at once; above that the socket is closed with 1008. */
  SYNC_RATE_BURST: int(1, 1_000_000, 400),
  /** Sustained bytes per second one sync connection may send; past the burst, reading from it pauses… */
  SYNC_BYTES_PER_SECOND: int(1024, 1024 * MiB, 1 * MiB),
  /** …once it has sent this much at once. */
  SYNC_BYTES_BURST: int(1024, 4096 * MiB, 32 * MiB),
  /** Sustained bytes per second all of one room's connections may send together… */
  ROOM_BYTES_PER_SECOND: int(1024, 1024 * MiB, 2 * MiB),
  /** …past a burst of this much. */
  ROOM_BYTES_BURST: int(1024, 4096 * MiB, 64 * MiB),
  /** Largest stored size of one document; changes that would add to it past this are refused (4413). */
  ROOM_MAX_STORED_BYTES: int(64 * 1024, 64 * 1024 * MiB, 64 * MiB),
  /** How long an empty room stays in memory before it is flushed and dropped (ms). */
  ROOM_UNLOAD_GRACE_MS: int(0, 24 * 3600 * 1000, 10_000),
  /** WebSocket ping period (ms); a socket silent for a whole period is dropped. */
  HEARTBEAT_INTERVAL_MS: int(100, 3600 * 1000, 30_000),
  /** Merge a room's stored update log once it has this many rows… */
  COMPACT_AFTER_UPDATES: int(2, 10_000_000, 500),
  /** …or once this many bytes were appended since the last merge. */
  COMPACT_AFTER_BYTES: int(1024, 1024 * MiB, 4 * MiB),
  /**
   * Days of board history kept; older history collapses into one checkpoint.
   * 0 keeps no history (compaction merges the log, as before history existed).
   */
  HISTORY_KEEP_DAYS: int(0, 36_500, 90),
  /** Hours for which every single change is kept in history… */
  HISTORY_EVERY_UPDATE_HOURS: int(0, 24 * 36_500, 24),
  /** …then days with one point per minute of activity; older history keeps one per hour. */
  HISTORY_PER_MINUTE_DAYS: int(0, 36_500, 7),
  /** Bytes of changes a room may hold waiting for changes it never received… */
  PENDING_MAX_BYTES: int(1024, 1024 * MiB, 1 * MiB),
  /** …and for how long (ms); past either, they are dropped and their senders closed (4008). */
  PENDING_MAX_AGE_MS: int(100, 3600 * 1000, 10_000),
});

/** Sync endpoint settings (see {@link ConfigSchema} for each variable). */
export interface SyncConfig {
  maxMessageBytes: number;
  ratePerSecond: number;
  rateBurst: number;
  unloadGraceMs: number;
  heartbeatMs: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  pendingMaxBytes: number;
  pendingMaxAgeMs: number;
  connBytesPerSecond: number;
  connBytesBurst: number;
  roomBytesPerSecond: number;
  roomBytesBurst: number;
  roomMaxStoredBytes: number;
  /** How often a room linked to other servers re-reads its document from the store (ms). */
  healMs: number;
  /** How long a failing append is retried before the room gives up (ms). */
  storeRetryMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Largest size of the room file (0: unlimited). */
  dataMaxBytes: number;
  webDist: string;
  logFormat: "json" | "pretty" | "silent";
  /** `ARCHBOARD_SECRET`, when set; otherwise the key lives in `dataDir`. */
  secret: string | undefined;
  /** Room creations allowed per client IP per minute. */
  roomCreatePerMinute: number;
  /** Other sites whose pages may create rooms. */
  allowedOrigins: string[];
  /** `DATABASE_URL`: rooms live in PostgreSQL; undefined: SQLite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL per server. */
  databasePoolSize: number;
  /** `REDIS_URL`: fan-out to the other servers; undefined: none. */
  redisUrl: string | undefined;
  /** How stored history is thinned as it ages (`HISTORY_*`). */
  history: ThinningPolicy;
  sync: SyncConfig;
}

const defaultWebDist = resolve(import.meta.dirname, "../../apps/web/dist");

/**
 * Parses environment variables into a config, throwing a readable error that
 * names each bad variable (the process prints it and exits non-zero).
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  if (c.DATABASE_URL !== undefined && c.ARCHBOARD_SECRET === undefined) {
    // Each server would otherwise make its own key, and invites would work on one server only.
    throw new Error(
      "Invalid configuration: ARCHBOARD_SECRET: required when DATABASE_URL is set, so that every server signs and accepts the same invites (at least 32 characters)",
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    dataMaxBytes: c.DATA_MAX_BYTES,
    webDist: resolve(c.WEB_DIST ?? defaultWebDist),
    logFormat: c.LOG_FORMAT,
    secret: c.ARCHBOARD_SECRET,
    roomCreatePerMinute: c.ROOM_CREATE_PER_MINUTE,
    allowedOrigins: c.ALLOWED_ORIGINS,
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    redisUrl: c.REDIS_URL,
    history: thinningPolicy({
      keepDays: c.HISTORY_KEEP_DAYS,
      everyUpdateHours: c.HISTORY_EVERY_UPDATE_HOURS,
      perMinuteDays: c.HISTORY_PER_MINUTE_DAYS,
    }),
    sync: {
      maxMessageBytes: c.MAX_MESSAGE_BYTES,
      ratePerSecond: c.SYNC_RATE_PER_SECOND,
      rateBurst: c.SYNC_RATE_BURST,
      unloadGraceMs: c.ROOM_UNLOAD_GRACE_MS,
      heartbeatMs: c.HEARTBEAT_INTERVAL_MS,
      compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
      compactAfterBytes: c.COMPACT_AFTER_BYTES,
      pendingMaxBytes: c.PENDING_MAX_BYTES,
      pendingMaxAgeMs: c.PENDING_MAX_AGE_MS,
      connBytesPerSecond: c.SYNC_BYTES_PER_SECOND,
      connBytesBurst: c.SYNC_BYTES_BURST,
      roomBytesPerSecond: c.ROOM_BYTES_PER_SECOND,
      roomBytesBurst: c.ROOM_BYTES_BURST,
      roomMaxStoredBytes: c.ROOM_MAX_STORED_BYTES,
      healMs: c.ROOM_HEAL_INTERVAL_MS,
      storeRetryMs: c.STORE_RETRY_MS ?? (c.DATABASE_URL === undefined ? 0 : 60_000),
    },
  };
}
