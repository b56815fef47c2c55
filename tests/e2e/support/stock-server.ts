import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { repoRoot } from "./server.ts";

/** A free loopback port (the stock server cannot report an OS-chosen one). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const addr = probe.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** The stock `@y/websocket-server` (the reference implementation), on loopback, no persistence. */
export async function startStockServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(repoRoot, "node_modules/@y/websocket-server/src/server.js")], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error("stock y-websocket server did not start")), 10_000);
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("running")) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once("exit", (code) => fail(new Error(`stock server exited with ${code}`)));
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
