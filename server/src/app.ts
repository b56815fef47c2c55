import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { ServerConfig } from "./config.ts";
import { createStaticHandler } from "./http/static.ts";
import type { Logger } from "./log.ts";

/**
 * Handles WebSocket upgrades for one path prefix (e.g. `/sync/`). The sync
 * endpoint registers itself here; unknown upgrade paths are refused.
 */
export interface UpgradeRoute {
  prefix: string;
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Flush state and close connections; called once on shutdown. */
  close?(): Promise<void>;
}

export interface ArchboardServer {
  http: Server;
  /** Resolves with the bound port once listening. */
  listen(): Promise<number>;
  /** Stops accepting, closes routes and open connections; idempotent. */
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(text);
};

export function createArchboardServer(
  config: ServerConfig,
  log: Logger,
  routes: UpgradeRoute[] = [],
): ArchboardServer {
  if (!existsSync(`${config.webDist}/index.html`)) {
    throw new Error(`The web app is not built: ${config.webDist}/index.html is missing (run "npm run build").`);
  }
  const serveStatic = createStaticHandler(config.webDist);
  const startedAt = Date.now();

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
    if (pathname.startsWith("/api/")) return json(res, 404, { error: `no such endpoint: ${pathname}` });
    if (serveStatic(req, res, pathname)) return;
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
    listen: () =>
      new Promise((resolvePort, reject) => {
        http.once("error", reject);
        http.listen(config.port, config.host, () => {
          http.off("error", reject);
          const addr = http.address();
          const port = typeof addr === "object" && addr ? addr.port : config.port;
          log.info("listening", { url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}` });
          resolvePort(port);
        });
      }),
    close: () => {
      closing ??= (async () => {
        await Promise.all(routes.map((r) => r.close?.()));
        await new Promise<void>((done) => {
          http.close(() => done());
          http.closeAllConnections();
        });
        log.info("stopped");
      })();
      return closing;
    },
  };
}
