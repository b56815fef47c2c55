import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { gaugeOnScrape, SECONDS_BUCKETS } from "../metrics/registry.ts";

/** The sync endpoint's series, registered once per server. */
export interface SyncMetrics {
  /** By message `type` (sync-step1, update, awareness, …). */
  messagesIn: Counter<"type">;
  messagesOut: Counter;
  bytesIn: Counter;
  bytesOut: Counter;
  /** Server-initiated closes by reason: rate_limit, malformed, text_frame, oversize, protocol_error, queue_full, storage, heartbeat, refused, shutdown, bad_update, pending_overflow, probe_unanswered, token_expired, room_full. */
  closes: Counter<"reason">;
  /** Upgrades answered with an HTTP error, by reason (bad_room_id, authorize_failed). */
  upgradesRejected: Counter<"reason">;
  /** Document updates not applied, by reason (read_only). */
  updatesDropped: Counter<"reason">;
  /** Awareness entries not applied, by reason (foreign_id: another connection owns the id; id_quota). */
  awarenessDropped: Counter<"reason">;
  /** Times reading from a sender was paused for overspending a byte budget, by scope (connection, room). */
  throttled: Counter<"scope">;
  /** Seconds senders were paused for, by scope. */
  throttledSeconds: Counter<"scope">;
  /** Times a room's changes waiting for missing ones were dropped, by bound (bytes, age). */
  pendingDropped: Counter<"reason">;
  /** Store operations that failed, by op (load, append, compact). */
  storeErrors: Counter<"op">;
  appendSeconds: Histogram;
  loadSeconds: Histogram;
  compactions: Counter;
  roomsLoaded: Counter;
  roomsUnloaded: Counter;
}

/**
 * Registers the sync series. Gauges for open rooms and connections read the
 * live counts through the callbacks when scraped, so they cannot drift.
 */
export function registerSyncMetrics(
  registry: Registry,
  live: {
    rooms: () => number;
    connections: () => number;
    /** Stored size of the largest document in memory. */
    largestStoredBytes: () => number;
    /** Configured limits, reported as `archboard_sync_limit{limit}`. */
    limits: Record<string, number>;
  },
): SyncMetrics {
  const registers = [registry];
  const counter = <L extends string = never>(name: string, help: string, labelNames: L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers });
  const seconds = (name: string, help: string) =>
    new Histogram({ name, help, buckets: [...SECONDS_BUCKETS], registers });

  gaugeOnScrape(registry, "archboard_sync_rooms_open", "Rooms whose document is in memory.", live.rooms);
  gaugeOnScrape(registry, "archboard_sync_connections", "Open sync WebSocket connections.", live.connections);
  gaugeOnScrape(
    registry,
    "archboard_sync_room_stored_bytes_max",
    "Stored size of the largest document in memory, in bytes.",
    live.largestStoredBytes,
  );
  const limit = new Gauge({
    name: "archboard_sync_limit",
    help: "Configured sync limits (bytes, or bytes per second), by limit.",
    labelNames: ["limit"],
    registers,
  });
  for (const [name, value] of Object.entries(live.limits)) limit.set({ limit: name }, value);
  return {
    messagesIn: counter("archboard_sync_messages_received_total", "Messages received, by type.", ["type"]),
    messagesOut: counter("archboard_sync_messages_sent_total", "Messages sent to clients."),
    bytesIn: counter("archboard_sync_received_bytes_total", "Bytes received in sync messages."),
    bytesOut: counter("archboard_sync_sent_bytes_total", "Bytes sent in sync messages."),
    closes: counter("archboard_sync_closes_total", "Connections the server closed, by reason.", ["reason"]),
    upgradesRejected: counter(
      "archboard_sync_upgrades_rejected_total",
      "WebSocket upgrades answered with an HTTP error, by reason.",
      ["reason"],
    ),
    updatesDropped: counter(
      "archboard_sync_updates_dropped_total",
      "Document updates not applied, by reason (read_only).",
      ["reason"],
    ),
    awarenessDropped: counter(
      "archboard_sync_awareness_dropped_total",
      "Awareness entries not applied, by reason (foreign_id, id_quota, echo).",
      ["reason"],
    ),
    throttled: counter(
      "archboard_sync_throttled_total",
      "Times reading from a sender was paused for overspending a byte budget, by scope.",
      ["scope"],
    ),
    throttledSeconds: counter(
      "archboard_sync_throttled_seconds_total",
      "Seconds senders were paused for overspending a byte budget, by scope.",
      ["scope"],
    ),
    pendingDropped: counter(
      "archboard_sync_pending_dropped_total",
      "Times a room dropped changes waiting for changes it never received, by bound (bytes, age).",
      ["reason"],
    ),
    storeErrors: counter(
      "archboard_store_errors_total",
      "Store operations that failed, by op (load, append, compact).",
      ["op"],
    ),
    appendSeconds: seconds(
      "archboard_sync_store_append_seconds",
      "Time from an update's arrival to its row being durable.",
    ),
    loadSeconds: seconds("archboard_sync_store_load_seconds", "Time to load a room's updates from the store."),
    compactions: counter("archboard_sync_store_compactions_total", "Room logs merged into one row."),
    roomsLoaded: counter("archboard_sync_rooms_loaded_total", "Rooms loaded into memory."),
    roomsUnloaded: counter("archboard_sync_rooms_unloaded_total", "Rooms flushed and dropped from memory."),
  };
}
