import { createArchboardServer } from "./app.ts";
import { loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";

/**
 * Process entry point: read config, serve the app, the API and sync; on Ctrl-C
 * or SIGTERM flush every room to the store and close sync sockets with 1001.
 */
async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const log = createLogger(config.logFormat);
  const server = createArchboardServer(config, log);
  await server.listen();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    // Flushing is bounded by pending appends (one commit); this only guards a hang.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`archboard: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
