import type { Authorize } from "../auth/authorize.ts";
import type { SyncConfig } from "../config.ts";
import type { UpgradeRoute } from "../http/routes.ts";
import type { Logger } from "../log.ts";
import type { MetricsRegistry } from "../metrics/registry.ts";
import type { RoomStore } from "../store/store.ts";
import { RoomRegistry } from "./rooms.ts";
import { registerSyncMetrics } from "./sync-metrics.ts";
import { createSyncRoute } from "./sync-route.ts";

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
}

/** Builds the room registry and the sync endpoint over a store and an admission rule. */
export function createSyncService({
  config,
  store,
  authorize,
  metrics: registry,
  log,
}: SyncServiceOptions): SyncService {
  const metrics = registerSyncMetrics(registry, {
    // Read on each scrape, which comes after the registry below exists.
    rooms: () => rooms.size,
    connections: () => rooms.connectionCount,
  });
  const rooms = new RoomRegistry({
    store,
    metrics,
    log,
    unloadGraceMs: config.unloadGraceMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
    pending: { maxBytes: config.pendingMaxBytes, maxAgeMs: config.pendingMaxAgeMs },
  });
  const upgradeRoute = createSyncRoute({
    rooms,
    authorize,
    metrics,
    log,
    maxPayload: config.maxMessageBytes,
    heartbeatMs: config.heartbeatMs,
    limits: { ratePerSecond: config.ratePerSecond, burst: config.rateBurst },
  });
  return { upgradeRoute, rooms, store };
}
