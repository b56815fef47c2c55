import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/**
 * The two shapes a feature plugs into the HTTP server with. They live apart
 * from `app.ts`, which assembles the server, so that the features it
 * assembles (sync, the rooms API) can name them without importing it.
 */

/**
 * Handles WebSocket upgrades for one path prefix (e.g. `/sync/`). The sync
 * endpoint registers itself here; unknown upgrade paths are refused.
 */
export interface UpgradeRoute {
  prefix: string;
  handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Flush state and close connections; called once on shutdown. */
  close?: () => Promise<void>;
}

/** Answers one exact path (e.g. `POST /api/rooms`), or every path under it; other methods get 405. */
export interface HttpRoute {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  /** Match every path starting with `path` (which then ends with "/"), not just `path` itself. */
  prefix?: boolean;
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}
