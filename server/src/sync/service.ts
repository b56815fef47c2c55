import type { Authorize } from "../auth/authorize.ts";
import type { SyncConfig } from "../config.ts";
import type { UpgradeRoute } from "../http/routes.ts";
import type { Logger } from "../log.ts";
import type { MetricsRegistry } from "../metrics/registry.ts";
import type { RoomStore } from "../store/store.ts";
import { RoomRegistry } from "./rooms.ts";
import { WorkSlicer } from "./work-slicer.ts";
import { registerSyncMetrics } from "./sync-metrics.ts";
import { createSyncRoute } from "./sync-route.ts";
import type { Fanout } from "./fanout.ts";

/** Live pairing, ready to register: the rooms in memory and their endpoint. */
export interface SyncService {
  /** `/sync/<roomId>` WebSocket endpoint; its `close` flushes every room (the store stays open). */
  upgradeRoute: UpgradeRoute;
  /** The rooms in memory (inspection: `isLoaded`, `size`). */
  rooms: RoomRegistry;
  /** Where the rooms load from and append to. */
  store: RoomStore;
}

/** What the sync service is built from; the server owns each part. */
export interface SyncServiceOptions {
  config: SyncConfig;
  store: RoomStore;
  /** Who may join which room, as what. */
  authorize: Authorize;
  metrics: MetricsRegistry;
  log: Logger;
  /** Other servers sharing the store (Redis), when there are any. */
  fanout?: Fanout;
}

/** Builds the room registry and the sync endpoint over a store and an admission rule. */
export function createSyncService({
  config,
  store,
  authorize,
  metrics: registry,
  log,
  fanout,
}: SyncServiceOptions): SyncService {
  const metrics = registerSyncMetrics(registry, {
    // Read on each scrape, which comes after the registry below exists.
    rooms: () => rooms.size,
    connections: () => rooms.connectionCount,
    largestStoredBytes: () => rooms.largestStoredBytes,
    limits: {
      room_max_stored_bytes: config.roomMaxStoredBytes,
      connection_bytes_per_second: config.connBytesPerSecond,
      connection_bytes_burst: config.connBytesBurst,
      room_bytes_per_second: config.roomBytesPerSecond,
      room_bytes_burst: config.roomBytesBurst,
      pending_max_bytes: config.pendingMaxBytes,
      max_message_bytes: config.maxMessageBytes,
    },
  });
  const slicer = new WorkSlicer();
  const rooms = new RoomRegistry({
    store,
    metrics,
    log,
    unloadGraceMs: config.unloadGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
    pending: { maxBytes: config.pendingMaxBytes, maxAgeMs: config.pendingMaxAgeMs },
    maxStoredBytes: config.roomMaxStoredBytes,
    roomBytes: { perSecond: config.roomBytesPerSecond, burst: config.roomBytesBurst },
    fanout,
    healMs: config.healMs,
    storeRetryMs: config.storeRetryMs,
    slicer,
  });
  const upgradeRoute = createSyncRoute({
    rooms,
    authorize,
    metrics,
    log,
    maxPayload: config.maxMessageBytes,
    heartbeatMs: config.heartbeatMs,
    limits: {
      ratePerSecond: config.ratePerSecond,
      burst: config.rateBurst,
      bytesPerSecond: config.connBytesPerSecond,
      bytesBurst: config.connBytesBurst,
    },
    slicer,
  });
  return { upgradeRoute, rooms, store };
}
