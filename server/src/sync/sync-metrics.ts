import type { Counter, Histogram, LabeledCounter, MetricsRegistry } from "../metrics/registry.ts";

/** The sync endpoint's series, registered once per server. */
export interface SyncMetrics {
  messagesIn: LabeledCounter;
  messagesOut: Counter;
  bytesIn: Counter;
  bytesOut: Counter;
  /** Server-initiated closes by reason: rate_limit, malformed, text_frame, oversize, protocol_error, queue_full, storage, heartbeat, refused, shutdown. */
  closes: LabeledCounter;
  upgradesRejected: LabeledCounter;
  updatesDropped: LabeledCounter;
  appendSeconds: Histogram;
  loadSeconds: Histogram;
  compactions: Counter;
  roomsLoaded: Counter;
  roomsUnloaded: Counter;
}

/**
 * Registers the sync series. Gauges for open rooms and connections read the
 * live counts through the callbacks, so they cannot drift.
 */
export function registerSyncMetrics(
  registry: MetricsRegistry,
  live: { rooms: () => number; connections: () => number },
): SyncMetrics {
  registry.gauge("archboard_sync_rooms_open", "Rooms whose document is in memory.", live.rooms);
  registry.gauge("archboard_sync_connections", "Open sync WebSocket connections.", live.connections);
  return {
    messagesIn: registry.labeledCounter("archboard_sync_messages_received_total", "Messages received, by type.", "type"),
    messagesOut: registry.counter("archboard_sync_messages_sent_total", "Messages sent to clients."),
    bytesIn: registry.counter("archboard_sync_received_bytes_total", "Bytes received in sync messages."),
    bytesOut: registry.counter("archboard_sync_sent_bytes_total", "Bytes sent in sync messages."),
    closes: registry.labeledCounter("archboard_sync_closes_total", "Connections the server closed, by reason.", "reason"),
    upgradesRejected: registry.labeledCounter(
      "archboard_sync_upgrades_rejected_total",
      "WebSocket upgrades answered with an HTTP error, by reason.",
      "reason",
    ),
    updatesDropped: registry.labeledCounter(
      "archboard_sync_updates_dropped_total",
      "Document updates not applied, by reason (read_only).",
      "reason",
    ),
    appendSeconds: registry.histogram("archboard_sync_store_append_seconds", "Time from an update's arrival to its row being durable."),
    loadSeconds: registry.histogram("archboard_sync_store_load_seconds", "Time to load a room's updates from the store."),
    compactions: registry.counter("archboard_sync_store_compactions_total", "Room logs merged into one row."),
    roomsLoaded: registry.counter("archboard_sync_rooms_loaded_total", "Rooms loaded into memory."),
    roomsUnloaded: registry.counter("archboard_sync_rooms_unloaded_total", "Rooms flushed and dropped from memory."),
  };
}
