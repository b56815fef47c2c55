import { describe, expect, it } from "vitest";
import { CreatedRoomSchema } from "@archboard/protocol";
import { connectClient, element, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

describe("HTTP API", () => {
  const srv = suiteServer();

  it("POST /api/rooms creates a room whose syncPath works with the stock client", async () => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = CreatedRoomSchema.parse(await res.json());
    expect(body.syncPath).toBe(`/sync/${body.roomId}`);
    expect(body.url).toBe(`/r/${body.roomId}`);
    expect(await srv.server.sync.store.exists(body.roomId)).toBe(true);

    const second = CreatedRoomSchema.parse(
      await (
        await fetch(`${srv.httpUrl}/api/rooms`, { method: "POST", headers: { "Content-Type": "application/json" } })
      ).json(),
    );
    expect(second.roomId).not.toBe(body.roomId);

    const a = connectClient(`ws://127.0.0.1:${srv.port}/sync`, body.roomId);
    const b = connectClient(`ws://127.0.0.1:${srv.port}/sync`, body.roomId);
    try {
      await Promise.all([synced(a), synced(b)]);
      a.elements.set("e", element("e"));
      await waitFor("relay", () => b.elements.has("e"));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("answers other methods on /api/rooms with 405 and unknown API paths with 404", async () => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await fetch(`${srv.httpUrl}/api/nope`)).status).toBe(404);
  });

  it("serves /metrics in Prometheus text format with the sync series", async () => {
    const res = await fetch(`${srv.httpUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await res.text();
    const sample =
      /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"(,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*")*\})? [-+]?(\d+(\.\d+)?(e[-+]?\d+)?|\+Inf|NaN)$/;
    for (const line of text.trimEnd().split("\n")) {
      // The format ignores empty lines; the client library puts one between families.
      if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
      expect(line).toMatch(sample);
    }
    for (const name of [
      "archboard_sync_rooms_open",
      "archboard_sync_connections",
      "archboard_sync_messages_received_total",
      "archboard_sync_messages_sent_total",
      "archboard_sync_received_bytes_total",
      "archboard_sync_sent_bytes_total",
      "archboard_sync_store_append_seconds",
      "archboard_sync_store_load_seconds",
      "archboard_sync_closes_total",
      "archboard_event_loop_lag_seconds",
      "archboard_process_resident_memory_bytes",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toMatch(/^archboard_sync_store_append_seconds_bucket\{le="\+Inf"\} \d+$/m);
  });
});
