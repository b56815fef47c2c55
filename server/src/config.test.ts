import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("fills every default", () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.host).toBe("0.0.0.0");
    expect(c.logFormat).toBe("json");
    expect(c.sync).toEqual({
      maxMessageBytes: 16 * 1024 * 1024,
      ratePerSecond: 200,
      rateBurst: 400,
      unloadGraceMs: 10_000,
      heartbeatMs: 30_000,
      compactAfterUpdates: 500,
      compactAfterBytes: 4 * 1024 * 1024,
      pendingMaxBytes: 1024 * 1024,
      pendingMaxAgeMs: 10_000,
      connBytesPerSecond: 1024 * 1024,
      connBytesBurst: 32 * 1024 * 1024,
      roomBytesPerSecond: 2 * 1024 * 1024,
      roomBytesBurst: 64 * 1024 * 1024,
      roomMaxStoredBytes: 64 * 1024 * 1024,
      healMs: 30_000,
      storeRetryMs: 0,
    });
  });

  it("reads the sync variables from strings", () => {
    const c = loadConfig({
      PORT: "0",
      DATA_DIR: "/tmp/x",
      MAX_MESSAGE_BYTES: "65536",
      SYNC_RATE_PER_SECOND: "50",
      SYNC_RATE_BURST: "80",
      ROOM_UNLOAD_GRACE_MS: "0",
      HEARTBEAT_INTERVAL_MS: "1000",
      COMPACT_AFTER_UPDATES: "10",
      COMPACT_AFTER_BYTES: "2048",
      PENDING_MAX_BYTES: "4096",
      PENDING_MAX_AGE_MS: "500",
      SYNC_BYTES_PER_SECOND: "10000",
      SYNC_BYTES_BURST: "20000",
      ROOM_BYTES_PER_SECOND: "30000",
      ROOM_BYTES_BURST: "40000",
      ROOM_MAX_STORED_BYTES: "100000",
    });
    expect(c.port).toBe(0);
    expect(c.dataDir).toBe("/tmp/x");
    expect(c.sync).toEqual({
      maxMessageBytes: 65536,
      ratePerSecond: 50,
      rateBurst: 80,
      unloadGraceMs: 0,
      heartbeatMs: 1000,
      compactAfterUpdates: 10,
      compactAfterBytes: 2048,
      pendingMaxBytes: 4096,
      pendingMaxAgeMs: 500,
      connBytesPerSecond: 10000,
      connBytesBurst: 20000,
      roomBytesPerSecond: 30000,
      roomBytesBurst: 40000,
      roomMaxStoredBytes: 100000,
      healMs: 30_000,
      storeRetryMs: 0,
    });
  });

  it("reads the origins allowed to create rooms as a list, refusing what is not an http(s) origin", () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ ALLOWED_ORIGINS: "https://prep.example.com, http://10.0.0.5:8080/" }).allowedOrigins).toEqual([
      "https://prep.example.com",
      "http://10.0.0.5:8080",
    ]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: "prep.example.com" })).toThrow(/ALLOWED_ORIGINS/);
  });

  it("names every bad variable in one error", () => {
    let message = "";
    try {
      loadConfig({ PORT: "http", MAX_MESSAGE_BYTES: "10", COMPACT_AFTER_UPDATES: "1.5", LOG_FORMAT: "xml" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: /);
    for (const name of ["PORT", "MAX_MESSAGE_BYTES", "COMPACT_AFTER_UPDATES", "LOG_FORMAT"])
      expect(message).toContain(`${name}: `);
  });

  it("takes a signing secret of 32+ characters and never echoes a bad one", () => {
    expect(loadConfig({}).secret).toBeUndefined();
    expect(loadConfig({ ARCHBOARD_SECRET: "" }).secret).toBeUndefined();
    expect(loadConfig({ ARCHBOARD_SECRET: "s".repeat(32) }).secret).toBe("s".repeat(32));
    expect(loadConfig({}).roomCreatePerMinute).toBe(30);
    let message = "";
    try {
      loadConfig({ ARCHBOARD_SECRET: "too-short-secret" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain("ARCHBOARD_SECRET: must be at least 32 characters");
    expect(message).not.toContain("too-short-secret");
  });

  it("keeps rooms in SQLite unless DATABASE_URL names a PostgreSQL, which needs a shared ARCHBOARD_SECRET", () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    const url = "postgres://archboard:pw@db.internal:5432/archboard";
    const c = loadConfig({ DATABASE_URL: url, ARCHBOARD_SECRET: "s".repeat(32), DATABASE_POOL_SIZE: "4" });
    expect(c.databaseUrl).toBe(url);
    expect(c.databasePoolSize).toBe(4);
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(
      /ARCHBOARD_SECRET: required when DATABASE_URL is set, so that every server signs and accepts the same invites/,
    );
    expect(() => loadConfig({ DATABASE_URL: "mysql://db/x", ARCHBOARD_SECRET: "s".repeat(32) })).toThrow(
      /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//,
    );
  });
});
