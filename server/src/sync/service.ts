import type { HttpRoute, UpgradeRoute } from "../app.ts";
import type { ServerConfig } from "../config.ts";
import { createRoomsApi } from "../http/rooms-api.ts";
import type { Logger } from "../log.ts";
import type { MetricsRegistry } from "../metrics/registry.ts";
import { loadSigningKey } from "../auth/secret.ts";
import { inviteAccess, type Authorize } from "./authorize.ts";
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
  /** Who may join which room, as what; defaults to {@link inviteAccess} (invite tokens). */
  authorize?: Authorize;
  /** Defaults to SQLite in `config.dataDir`. */
  store?: RoomStore;
}

/**
 * Builds the store, the signing key (`ARCHBOARD_SECRET` or `DATA_DIR/secret.key`),
 * the room registry, the sync endpoint and the rooms API from the config.
 */
export function createSyncService(
  config: ServerConfig,
  log: Logger,
  metricsRegistry: MetricsRegistry,
  options: SyncServiceOptions = {},
): SyncService {
  const signingKey = loadSigningKey(config.dataDir, config.secret, log);
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
    authorize: options.authorize ?? inviteAccess(store, signingKey),
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
    httpRoutes: [createRoomsApi({ store, log, signingKey, createPerMinute: config.roomCreatePerMinute })],
    rooms,
    store,
  };
}
