/**
 * The Hocuspocus side of `npm run bench:sync`: `@hocuspocus/server`'s own
 * `Server` with its SQLite extension, everything as shipped except what a
 * benchmark has to choose — the database file (the extension's default is an
 * in-memory database, which would persist nothing), the loopback address and
 * an ephemeral port, and no start banner. So: debounced stores (2 s after the
 * last change, at most 10 s apart), documents unloaded as soon as their last
 * client leaves, better-sqlite3 in its default rollback-journal mode.
 *
 * Like the reference server it adds a `/metrics` endpoint with our process
 * metrics (event-loop lag, RSS), answered from Hocuspocus's `onRequest` hook,
 * so all three servers are measured the same way.
 *
 *   DATA_DIR=/tmp/x PORT=0 node --import tsx tests/load/sync/hocuspocus-server.ts
 */
import { join } from "node:path";
import { Server } from "@hocuspocus/server";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { registerProcessMetrics } from "@archboard/server/metrics/process";
import { createMetricsRegistry, METRICS_CONTENT_TYPE, renderMetrics } from "@archboard/server/metrics/registry";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR must name a folder for the SQLite file");

const metrics = createMetricsRegistry();
registerProcessMetrics(metrics);

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database: join(dataDir, "hocuspocus.sqlite") })],
  async onRequest({ request, response }) {
    if (request.url !== "/metrics") return;
    const text = await renderMetrics(metrics);
    response.writeHead(200, { "Content-Type": METRICS_CONTENT_TYPE });
    response.end(text);
    // Hocuspocus sends its own welcome page unless a hook rejects; an empty rejection is its "handled".
    throw null; // eslint-disable-line @typescript-eslint/only-throw-error
  },
});

await server.listen();
process.stdout.write(`${JSON.stringify({ event: "listening", url: `http://127.0.0.1:${server.address.port}` })}\n`);
