import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { inviteAccess, type Authorize } from "./auth/authorize.ts";
import { loadSigningKey } from "./auth/secret.ts";
import type { ServerConfig } from "./config.ts";
import { sendJson as json } from "./http/json.ts";
import { createHistoryApi } from "./http/history-api.ts";
import { createRoomsApi } from "./http/rooms-api.ts";
import type { HttpRoute, UpgradeRoute } from "./http/routes.ts";
import { createStaticHandler } from "./http/static.ts";
import type { Logger } from "./log.ts";
import { registerProcessMetrics } from "./metrics/process.ts";
import { createMetricsRegistry, METRICS_CONTENT_TYPE, renderMetrics } from "./metrics/registry.ts";
import { openStore, type OpenedStore } from "./store/open-store.ts";
import type { RoomStore } from "./store/store.ts";
import { RedisFanout } from "./sync/fanout.ts";
import { createSyncService, type SyncService } from "./sync/service.ts";
import { syncPath } from "./sync/sync-route.ts";

export interface ArchboardServerOptions {
  /** Extra WebSocket endpoints besides `/sync/`. */
  upgradeRoutes?: UpgradeRoute[];
  /** Extra HTTP endpoints besides `/api/rooms`, `/api/time`, `/metrics`, `/healthz`, `/readyz`. */
  httpRoutes?: HttpRoute[];
  /** Sync admission hook (roles); defaults to invite tokens for interview rooms. */
  authorize?: Authorize;
  /**
   * Sync persistence; defaults to PostgreSQL when `DATABASE_URL` is set,
   * otherwise SQLite in `DATA_DIR`. The server closes it on shutdown.
   */
  store?: RoomStore;
}

export interface ArchboardServer {
  http: Server;
  /** The live-pairing parts: rooms in memory, the store. */
  sync: SyncService;
  /** Resolves with the bound port once the store is ready and the server listens; rejects when the store cannot open. */
  listen: () => Promise<number>;
  /** Stops accepting, flushes rooms, closes sockets (1001) and the store; idempotent. */
  close: () => Promise<void>;
}

/**
 * Assembles the server from the config: the store (PostgreSQL with
 * `DATABASE_URL`, else SQLite in `DATA_DIR`, unless given), the invite signing key (`ARCHBOARD_SECRET` or
 * `DATA_DIR/secret.key`), the sync endpoint, the rooms API, `/metrics`,
 * `/api/time`, `/healthz`, `/readyz` and the built app. Nothing listens until `listen`.
 */
export function createArchboardServer(
  config: ServerConfig,
  log: Logger,
  options: ArchboardServerOptions = {},
): ArchboardServer {
  if (!existsSync(`${config.webDist}/index.html`)) {
    throw new Error(`The web app is not built: ${config.webDist}/index.html is missing (run "npm run build").`);
  }
  const serveStatic = createStaticHandler(config.webDist);
  const startedAt = Date.now();
  const metrics = createMetricsRegistry();
  const stopProcessMetrics = registerProcessMetrics(metrics);
  const signingKey = loadSigningKey(config.dataDir, config.secret, log);
  const opened: OpenedStore = options.store
    ? { store: options.store, ready: Promise.resolve() }
    : openStore(config, log);
  const store = opened.store;
  const fanout = config.redisUrl === undefined ? undefined : new RedisFanout(config.redisUrl, log);
  const authorize = options.authorize ?? inviteAccess(store, signingKey);
  const sync = createSyncService({
    config: config.sync,
    store,
    authorize,
    metrics,
    log,
    fanout,
  });
  const routes = [sync.upgradeRoute, ...(options.upgradeRoutes ?? [])];
  const httpRoutes: HttpRoute[] = [
    createRoomsApi({
      store,
      log,
      signingKey,
      createPerMinute: config.roomCreatePerMinute,
      allowedOrigins: config.allowedOrigins,
      syncPath,
    }),
    createHistoryApi({ store, authorize }),
    {
      method: "GET",
      path: "/metrics",
      handle: async (_req, res) => {
        const text = await renderMetrics(metrics);
        res.writeHead(200, { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" });
        res.end(text);
      },
    },
    {
      // The interview clock is kept in server time; clients estimate their offset from this.
      method: "GET",
      path: "/api/time",
      handle: (_req, res) => json(res, 200, { now: Date.now() }),
    },
    ...(options.httpRoutes ?? []),
  ];

  const http = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      return json(res, 400, { error: "bad request URL" });
    }
    if (pathname === "/healthz") {
      return json(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
    }
    if (pathname === "/readyz") {
      // Liveness stays /healthz; this says whether rooms can be loaded, saved and shared.
      void store.health().then((health) => {
        const redis = fanout?.health();
        const ok = health.ok && (redis?.ok ?? true);
        json(res, ok ? 200 : 503, redis ? { ok, store: health, redis } : { ok, store: health });
      });
      return;
    }
    const matches = httpRoutes.filter((r) => (r.prefix ? pathname.startsWith(r.path) : r.path === pathname));
    if (matches.length > 0) {
      const route = matches.find((r) => r.method === req.method || (r.method === "GET" && req.method === "HEAD"));
      if (!route) {
        res.setHeader("Allow", matches.map((r) => r.method).join(", "));
        return json(res, 405, { error: `method not allowed: ${req.method}` });
      }
      Promise.resolve()
        .then(() => route.handle(req, res))
        .catch((err: unknown) => {
          log.error("request failed", { path: pathname, error: String(err) });
          if (!res.headersSent) json(res, 500, { error: "internal error" });
          else res.destroy();
        });
      return;
    }
    if (pathname.startsWith("/api/")) return json(res, 404, { error: `no such endpoint: ${pathname}` });
    if (serveStatic(req, res)) return;
    json(res, 404, { error: "not found" });
  });
  http.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\n\r\n");
    else socket.destroy();
  });
  http.on("upgrade", (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routes.find((r) => pathname.startsWith(r.prefix));
    if (!route) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    route.handle(req, socket, head);
  });

  let closing: Promise<void> | null = null;
  return {
    http,
    sync,
    listen: async () => {
      // Nothing is served before the schema is in place.
      await opened.ready;
      return new Promise((resolvePort, reject) => {
        http.once("error", reject);
        http.listen(config.port, config.host, () => {
          http.off("error", reject);
          const addr = http.address();
          const port = typeof addr === "object" && addr ? addr.port : config.port;
          log.info("listening", { url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}` });
          resolvePort(port);
        });
      });
    },
    close: () => {
      closing ??= (async () => {
        // Stop taking new connections first, so nothing joins a room being flushed.
        const stopped = new Promise<void>((done) => http.close(() => done()));
        await Promise.all(routes.map(async (r) => r.close?.()));
        // Rooms have flushed: nothing appends or publishes any more.
        await fanout?.close();
        await store.close();
        stopProcessMetrics();
        http.closeAllConnections();
        await stopped;
        log.info("stopped");
      })();
      return closing;
    },
  };
}
