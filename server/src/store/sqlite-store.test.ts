import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { thinningPolicy, type ThinningPolicy } from "@archboard/board-sync/history";
import { cleanState, SqliteRoomStore } from "./sqlite-store.ts";
import { docFromUpdates, edits, snapshot } from "../testing/sync-clients.ts";
import { tempDir } from "../testing/test-server.ts";

describe("SqliteRoomStore", () => {
  const dirs: { remove: () => void }[] = [];
  const stores: SqliteRoomStore[] = [];
  const open = (path: string, history?: ThinningPolicy) => {
    const s = new SqliteRoomStore(path, { history });
    stores.push(s);
    return s;
  };
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    for (const d of dirs.splice(0)) d.remove();
  });

  it("keeps an update whose dependency has not arrived yet", () => {
    const doc = new Y.Doc();
    const [first, second] = edits(doc, 2) as [Uint8Array, Uint8Array];
    const extra = new Y.Doc();
    Y.applyUpdate(extra, first);
    const late: Uint8Array[] = [];
    extra.on("update", (u: Uint8Array) => late.push(u));
    extra.getMap("elements").delete("e0");
    // The second row arrives before the first: the clean state still carries it.
    const state = cleanState([second, late[0]!]);
    const rebuilt = docFromUpdates([first, state]);
    expect(rebuilt.getMap("elements").has("e1")).toBe(true);
    expect(rebuilt.getMap("elements").has("e0")).toBe(false);
  });

  it("gives free pages back to the file system after compaction when history is not kept", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const store = open(dir.path, thinningPolicy({ keepDays: 0 }));
    const room = newRoomId();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    // 300 rewrites of a 40 KB value: about 12 MB of log for a small live state.
    for (let i = 0; i < 300; i++) doc.getMap("files").set("image", "x".repeat(40_000) + String(i));
    for (const u of updates) await store.append(room, u);
    // Another connection sees the file as the store left it (WAL included), as a second process would.
    const pages = () => {
      const db = new Database(join(dir.path, "rooms.sqlite"), { readonly: true });
      try {
        const size = db.pragma("page_size", { simple: true }) as number;
        return {
          bytes: (db.pragma("page_count", { simple: true }) as number) * size,
          free: (db.pragma("freelist_count", { simple: true }) as number) * size,
        };
      } finally {
        db.close();
      }
    };
    const before = pages();
    expect(before.bytes).toBeGreaterThan(10_000_000);
    await store.compact(room);
    const after = pages();
    expect(after.bytes).toBeLessThan(before.bytes / 10);
    expect(after.free).toBe(0);
    expect(snapshot(docFromUpdates((await store.load(room)).updates))).toEqual(snapshot(doc));
  });

  it("turns on incremental vacuum in a file made before it, keeping its content", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const room = newRoomId();
    const doc = new Y.Doc();
    const store = open(dir.path);
    for (const u of edits(doc, 20)) await store.append(room, u);
    await store.close();
    // As a schema-2 file was: no auto-vacuum.
    const v2 = new Database(join(dir.path, "rooms.sqlite"));
    v2.pragma("auto_vacuum = NONE");
    v2.exec("VACUUM");
    v2.pragma("user_version = 2");
    expect(v2.pragma("auto_vacuum", { simple: true })).toBe(0);
    v2.close();
    const upgraded = open(dir.path);
    expect(snapshot(docFromUpdates((await upgraded.load(room)).updates))).toEqual(snapshot(doc));
    await upgraded.close();
    const check = new Database(join(dir.path, "rooms.sqlite"), { readonly: true });
    expect(check.pragma("auto_vacuum", { simple: true })).toBe(2);
    expect(check.pragma("user_version", { simple: true })).toBe(5);
    check.close();
  });

  it("upgrades a schema-1 file: rooms created before modes existed are open", async () => {
    const dir = tempDir("archboard-store-");
    dirs.push(dir);
    const room = newRoomId();
    const v1 = new Database(join(dir.path, "rooms.sqlite"));
    v1.exec("CREATE TABLE rooms (id TEXT PRIMARY KEY, created INTEGER NOT NULL) STRICT;");
    v1.prepare("INSERT INTO rooms (id, created) VALUES (?, ?)").run(room, Date.now());
    v1.pragma("user_version = 1");
    v1.close();
    const store = open(dir.path);
    expect(await store.getRoomMode(room)).toBe("open");
    const interview = newRoomId();
    await store.createRoom(interview, "interview");
    expect(await store.getRoomMode(interview)).toBe("interview");
  });
});
