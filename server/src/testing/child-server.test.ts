import { afterAll, describe, expect, it } from "vitest";
import { startChildServer } from "./child-server.ts";
import { stubWebDist, tempDir } from "./test-server.ts";

describe("child server launcher", () => {
  const web = stubWebDist();
  const data = tempDir("archboard-child-");
  afterAll(() => {
    web.remove();
    data.remove();
  });

  it("starts the server as its own process on a free port and stops it", async () => {
    const server = await startChildServer({ dataDir: data.path, webDist: web.path });
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect(server.syncUrl).toBe(`ws://127.0.0.1:${server.port}/sync`);
    await server.stop();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    // A second stop is harmless.
    await server.stop();
  });

  it("fails with the server's own explanation when the server cannot start", async () => {
    await expect(
      startChildServer({ dataDir: data.path, webDist: web.path, env: { ROOM_CREATE_PER_MINUTE: "lots" } }),
    ).rejects.toThrow(/exited \(2\) before listening: Invalid configuration: ROOM_CREATE_PER_MINUTE/);
  });
});
