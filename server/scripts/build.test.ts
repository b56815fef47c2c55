import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, startChildServer } from "../src/testing/child-server.ts";
import { connectClient, element, synced, waitFor } from "../src/testing/sync-clients.ts";
import { stubWebDist, tempDir } from "../src/testing/test-server.ts";
import { buildServer } from "./build.ts";

describe("compiled server", () => {
  // Inside the repository, so the bundle's package imports resolve from its node_modules as dist/'s do.
  const cache = resolve(repoRoot, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(resolve(cache, "archboard-server-build-"));
  const web = stubWebDist();
  const data = tempDir("archboard-compiled-");
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    web.remove();
    data.remove();
  });

  it("is one JavaScript module with the workspace packages inside and no TypeScript left to load", async () => {
    const entry = await buildServer(out);
    const code = readFileSync(entry, "utf8");
    const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!);
    expect(imports).toContain("better-sqlite3");
    expect(imports).toContain("yjs");
    expect(imports.filter((s) => s.startsWith("@archboard/") || s.startsWith(".") || s.endsWith(".ts"))).toEqual([]);
    expect(code).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
  });

  it("runs with plain node: a client syncs a room, and the room is still there after a restart", async () => {
    const entry = relative(repoRoot, resolve(out, "main.js"));
    const opts = { entry, dataDir: data.path, webDist: web.path };
    const first = await startChildServer(opts);
    const room = "compiled-server-room-01";
    try {
      expect(await (await fetch(`${first.url}/healthz`)).json()).toMatchObject({ ok: true });
      const a = connectClient(first.syncUrl, room);
      await synced(a);
      a.elements.set("box", element("box"));
      const b = connectClient(first.syncUrl, room);
      await waitFor("the second client sees the first one's element", () => b.elements.has("box"));
      a.destroy();
      b.destroy();
    } finally {
      await first.stop();
    }
    const second = await startChildServer(opts);
    try {
      const c = connectClient(second.syncUrl, room);
      await waitFor("the room loads from the store", () => c.elements.has("box"));
      c.destroy();
    } finally {
      await second.stop();
    }
  });
});
