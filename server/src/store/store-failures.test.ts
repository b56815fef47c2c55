import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { repoRoot } from "../testing/child-server.ts";
import { connectRaw } from "../testing/raw-client.ts";
import { docFromUpdates, element, waitFor } from "../testing/sync-clients.ts";
import { stubWebDist, suiteServer, tempDir } from "../testing/test-server.ts";
import { backupRooms } from "./backup.ts";
import { ROOMS_FILE } from "./open-file.ts";
import { SqliteRoomStore } from "./sqlite-store.ts";

const bulky = (id: string) => ({ ...element(id), text: "x".repeat(16 * 1024) });

describe("a store that cannot write", { timeout: 60_000 }, () => {
  // The room file may not pass 1 MiB: past it SQLite fails every write as on a full disk.
  const srv = suiteServer({ DATA_MAX_BYTES: String(1024 * 1024) });

  it("is reported by /readyz (503) and counted in /metrics, while /healthz stays up", async () => {
    expect(await (await fetch(`${srv.httpUrl}/readyz`)).json()).toEqual({ ok: true, store: { ok: true } });
    const room = newRoomId();
    const writer = await connectRaw(`${srv.syncUrl}/${room}`);
    await waitFor("synced", () => writer.synced);
    for (let i = 0; i < 100 && writer.ws.readyState === writer.ws.OPEN; i++) {
      writer.doc.getMap("elements").set(`e${i}`, bulky(`e${i}`));
      await new Promise((r) => setTimeout(r, 5));
    }
    // The room closes its sockets with 1011 rather than relay what it could not store.
    expect((await writer.closed).code).toBe(1011);
    const ready = await fetch(`${srv.httpUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { ok: boolean; store: { ok: boolean; error: string; since: number } };
    expect(body.ok).toBe(false);
    expect(body.store.error).toMatch(/writes are failing: .*full/i);
    expect((await fetch(`${srv.httpUrl}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${srv.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/^archboard_store_errors_total\{op="append"\} [1-9]/m);
    writer.destroy();
  });
});

describe("start-up errors name the file and the likely cause", () => {
  it("refuses a room file that is not a database, a 0-byte one, and a DATA_DIR it cannot create", () => {
    const dir = tempDir("archboard-store-open-");
    try {
      const corrupt = join(dir.path, "corrupt");
      mkdirSync(corrupt);
      writeFileSync(join(corrupt, ROOMS_FILE), "this is not what SQLite writes".repeat(200));
      expect(() => new SqliteRoomStore(corrupt)).toThrow(/rooms\.sqlite is not a database \(corrupt\?\)/);

      const empty = join(dir.path, "empty");
      mkdirSync(empty);
      writeFileSync(join(empty, ROOMS_FILE), "");
      expect(() => new SqliteRoomStore(empty)).toThrow(/rooms\.sqlite is empty \(0 bytes\).*Restore it from a backup/);

      const blocker = join(dir.path, "a-file");
      writeFileSync(blocker, "");
      expect(() => new SqliteRoomStore(join(blocker, "data"))).toThrow(/DATA_DIR .* not writable \(ENOTDIR\)/);
    } finally {
      dir.remove();
    }
  });

  it("makes the server exit with that sentence", () => {
    const dir = tempDir("archboard-store-exit-");
    const web = stubWebDist();
    try {
      writeFileSync(join(dir.path, ROOMS_FILE), "garbage".repeat(1000));
      const run = spawnSync(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dir.path, PORT: "0", HOST: "127.0.0.1", WEB_DIST: web.path },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${join(dir.path, ROOMS_FILE)} is not a database (corrupt?)`);
    } finally {
      dir.remove();
      web.remove();
    }
  });
});

describe("backups", { timeout: 60_000 }, () => {
  const srv = suiteServer();

  it("copies a running server's rooms, every acknowledged edit included, while edits keep coming", async () => {
    const room = newRoomId();
    const writer = await connectRaw(`${srv.syncUrl}/${room}`);
    await waitFor("synced", () => writer.synced);
    const elements = writer.doc.getMap("elements");
    for (let i = 0; i < 200; i++) elements.set(`before${i}`, element(`before${i}`));
    await waitFor("stored", async () => (await srv.server.sync.store.load(room)).updates.length >= 200);
    const out = tempDir("archboard-backup-");
    try {
      const during = (async () => {
        for (let i = 0; i < 200; i++) {
          elements.set(`during${i}`, element(`during${i}`));
          await new Promise((r) => setImmediate(r));
        }
      })();
      const copyDir = join(out.path, "restored");
      mkdirSync(copyDir);
      const summary = await backupRooms(srv.dataDir, join(copyDir, ROOMS_FILE));
      await during;
      expect(summary.documents).toBeGreaterThanOrEqual(1);
      const restored = new SqliteRoomStore(copyDir);
      const { updates } = await restored.load(room);
      await restored.close();
      const doc = docFromUpdates(updates);
      for (let i = 0; i < 200; i++) expect(doc.getMap("elements").has(`before${i}`)).toBe(true);

      // The command refuses to overwrite a backup and says why.
      const again = spawnSync(
        process.execPath,
        ["--import", "tsx", "server/scripts/backup.ts", join(copyDir, ROOMS_FILE)],
        {
          cwd: repoRoot,
          env: { ...process.env, DATA_DIR: srv.dataDir },
          encoding: "utf8",
        },
      );
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("already exists");
      const fresh = spawnSync(
        process.execPath,
        ["--import", "tsx", "server/scripts/backup.ts", join(out.path, "b.sqlite")],
        {
          cwd: repoRoot,
          env: { ...process.env, DATA_DIR: srv.dataDir },
          encoding: "utf8",
        },
      );
      expect(fresh.stderr).toBe("");
      expect(fresh.stdout).toMatch(/backed up .* \d+ rooms, \d+ documents, \d+ updates, .* integrity ok/);
    } finally {
      writer.destroy();
      out.remove();
    }
  });
});
