/**
 * The reference for `npm run bench:sync`: the stock `@y/websocket-server`
 * connection handler (`setupWSConnection`, as its own `src/server.js` wires
 * it), without persistence, on `ws` in noServer mode. The only addition is a
 * `/metrics` endpoint with the same process metrics our server exposes
 * (event-loop lag, RSS), so both are measured the same way.
 *
 *   PORT=0 node --import tsx tests/load/sync/reference-server.ts
 */
import { createServer } from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { registerProcessMetrics } from "@archboard/server/metrics/process";
import { createMetricsRegistry, METRICS_CONTENT_TYPE, renderMetrics } from "@archboard/server/metrics/registry";

const metrics = createMetricsRegistry();
registerProcessMetrics(metrics);
const wss = new WebSocketServer({ noServer: true });
wss.on("connection", setupWSConnection);

const server = createServer((req, res) => {
  if (req.url === "/metrics") {
    void renderMetrics(metrics).then((text) => {
      res.writeHead(200, { "Content-Type": METRICS_CONTENT_TYPE });
      res.end(text);
    });
    return;
  }
  res.writeHead(200, { "Content-Type": "text/plain" });
  res.end("okay");
});
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
});
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  process.stdout.write(`${JSON.stringify({ event: "listening", url: `http://127.0.0.1:${port}` })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
