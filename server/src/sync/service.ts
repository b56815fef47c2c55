import type { HttpRoute, UpgradeRoute } from "../app.ts";
import type { ServerConfig } from "../config.ts";
import { createRoomsApi } from "../http/rooms-api.ts";
import type { Logger } from "../log.ts";
import type { MetricsRegistry } from "../metrics/registry.ts";
import { openAccess, type Authorize } from "./authorize.ts";
import { RoomRegistry } from "./rooms.ts";
import { SqliteRoomStore } from "./sqlite-store.ts";
import type { RoomStore } from "./store.ts";
import { registerSyncMetrics } from "./sync-metrics.ts";
import { createSyncRoute } from "./sync-route.ts";

/** Everything live pairing adds to the server, ready to register. */
export interface SyncService {
  /** `/sync/<roomId>` WebSocket endpoint; its `close` flushes rooms and closes the store. */
  upgradeRoute: UpgradeRoute;
  /** `POST /api/rooms`. */
  httpRoutes: HttpRoute[];
  /** The rooms in memory (inspection: `isLoaded`, `size`). */
  rooms: RoomRegistry;
  store: RoomStore;
}

export interface SyncServiceOptions {
  /** Who may join which room, as what; defaults to {@link openAccess}. */
  authorize?: Authorize;
  /** Defaults to SQLite in `config.dataDir`. */
  store?: RoomStore;
}

/** Builds the store, room registry, sync endpoint and rooms API from the config. */
export function createSyncService(
  config: ServerConfig,
  log: Logger,
  metricsRegistry: MetricsRegistry,
  options: SyncServiceOptions = {},
): SyncService {
  const store = options.store ?? new SqliteRoomStore(config.dataDir);
  let rooms: RoomRegistry | undefined;
  const metrics = registerSyncMetrics(metricsRegistry, {
    rooms: () => rooms?.size ?? 0,
    connections: () => rooms?.connectionCount ?? 0,
  });
  const s = config.sync;
  rooms = new RoomRegistry({
    store,
    metrics,
    log,
    unloadGraceMs: s.unloadGraceMs,
    compactAfterUpdates: s.compactAfterUpdates,
    compactAfterBytes: s.compactAfterBytes,
  });
  const route = createSyncRoute({
    rooms,
    authorize: options.authorize ?? openAccess,
    metrics,
    log,
    maxPayload: s.maxMessageBytes,
    heartbeatMs: s.heartbeatMs,
    limits: { ratePerSecond: s.ratePerSecond, burst: s.rateBurst },
  });
  return {
    upgradeRoute: {
      prefix: route.prefix,
      handle: route.handle,
      async close() {
        await route.close?.();
        await store.close();
      },
    },
    httpRoutes: [createRoomsApi(store, log)],
    rooms,
    store,
  };
}
