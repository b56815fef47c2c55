import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTokenClaims, InterviewRoomSchema, OpenRoomSchema, RoleSchema } from "@archboard/protocol";
import { startTestServer, stubWebDist, tempDir, type TestServer } from "../testing/test-server.ts";

const post = (srv: TestServer, body?: unknown, raw?: string, headers: Record<string, string> = {}) =>
  fetch(`${srv.httpUrl}/api/rooms`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });

describe("POST /api/rooms with modes, and /api/time", () => {
  const web = stubWebDist();
  const data = tempDir("archboard-rooms-api-");
  const limitedData = tempDir("archboard-rooms-limit-");
  let srv: TestServer;
  let limited: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(data.path, web.path, {
      ARCHBOARD_SECRET: "rooms-api-test-secret-0123456789abcdef",
      ROOM_CREATE_PER_MINUTE: "1000",
    });
    limited = await startTestServer(limitedData.path, web.path, {
      ROOM_CREATE_PER_MINUTE: "3",
      ALLOWED_ORIGINS: "https://prep.example.com",
    });
  });
  afterAll(async () => {
    await Promise.all([srv.stop(), limited.stop()]);
    web.remove();
    data.remove();
    limitedData.remove();
  });

  it("creates an interview room with one invite per role, signed for that room and expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await post(srv, { mode: "interview" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const json = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["expiresAt", "invites", "mode", "roomId"]);
    const room = InterviewRoomSchema.parse(json);
    expect(room.mode).toBe("interview");
    for (const role of RoleSchema.options) {
      const invite = room.invites[role];
      expect(invite.url).toBe(`/r/${room.roomId}?t=${invite.token}`);
      const claims = decodeTokenClaims(invite.token);
      expect(claims).toMatchObject({ room: room.roomId, role, exp: room.expiresAt / 1000 });
      expect(claims!.iat).toBeGreaterThanOrEqual(before);
      expect(claims!.exp - claims!.iat).toBe(24 * 3600);
    }
    expect(new Set(Object.values(room.invites).map((i) => i.token)).size).toBe(3);
    expect(await srv.server.sync.store.getRoomMode(room.roomId)).toBe("interview");

    const short = InterviewRoomSchema.parse(await (await post(srv, { mode: "interview", ttlHours: 2 })).json());
    const claims = decodeTokenClaims(short.invites.observer.token);
    expect(claims!.exp - claims!.iat).toBe(2 * 3600);
  });

  it("still creates open rooms from an empty body, {} or { mode: 'open' }", async () => {
    for (const body of [undefined, {}, { mode: "open" }]) {
      const res = await post(srv, body);
      expect(res.status).toBe(201);
      const room = OpenRoomSchema.parse(await res.json());
      expect(room).toEqual({
        roomId: room.roomId,
        mode: "open",
        syncPath: `/sync/${room.roomId}`,
        url: `/r/${room.roomId}`,
      });
      expect(await srv.server.sync.store.getRoomMode(room.roomId)).toBe("open");
    }
  });

  it("answers 400 { error } for a body that is not a room request, 413 for a huge one", async () => {
    const bad: [unknown, string?][] = [
      [{ mode: "interview", ttlHours: 0 }],
      [{ mode: "interview", ttlHours: 169 }],
      [{ mode: "interview", ttlHours: "24" }],
      [{ mode: "interview", role: "admin" }],
      [{ mode: "party" }],
      [{ ttlHours: 5 }],
      [[]],
      ["interview"],
      [null],
      [undefined, "{ not json"],
    ];
    for (const [body, raw] of bad) {
      const res = await post(srv, body, raw);
      expect(res.status, JSON.stringify(body ?? raw)).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
    }
    const ttl = (await (await post(srv, { mode: "interview", ttlHours: 169 })).json()) as { error: string };
    expect(ttl.error).toContain("ttlHours");
    const huge = await post(srv, undefined, JSON.stringify({ mode: "open", pad: "x".repeat(10_000) }));
    expect(huge.status).toBe(413);
  });

  it("refuses what another site's page could send: no JSON type (415), a foreign Origin (403)", async () => {
    for (const headers of [{ "Content-Type": "text/plain" }, { "Content-Type": "application/x-www-form-urlencoded" }]) {
      const res = await post(srv, { mode: "open" }, undefined, headers);
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toContain("application/json");
    }
    const bare = await fetch(`${srv.httpUrl}/api/rooms`, { method: "POST" });
    expect(bare.status).toBe(415);
    for (const origin of ["https://evil.example", "null", `http://127.0.0.1:${srv.port + 1}`]) {
      const res = await post(srv, { mode: "interview" }, undefined, { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toEqual({ error: expect.stringContaining("may not create rooms") as string });
    }
    // The app's own pages, whatever the scheme a proxy in front speaks, and listed origins may.
    for (const origin of [srv.httpUrl, `https://127.0.0.1:${srv.port}`]) {
      expect((await post(srv, { mode: "open" }, undefined, { Origin: origin })).status).toBe(201);
    }
    const listed = await post(limited, {}, undefined, { Origin: "https://prep.example.com" });
    expect(listed.status).toBe(201);
  });

  it("limits room creation per client address (429 with Retry-After), counting only rooms created", async () => {
    // Refused requests spend nothing: the 415s, 403s, 400s and 413s before the limit is reached.
    await post(limited, { mode: "open" }, undefined, { "Content-Type": "text/plain" });
    await post(limited, { mode: "open" }, undefined, { Origin: "https://evil.example" });
    await post(limited, { mode: "party" });
    await post(limited, undefined, JSON.stringify({ pad: "x".repeat(10_000) }));
    // One room was made by the previous test from this address.
    for (let i = 0; i < 2; i++) expect((await post(limited, { mode: "interview" })).status).toBe(201);
    const res = await post(limited, {});
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it("GET /api/time answers the server's clock, never cached", async () => {
    const t0 = Date.now();
    const res = await fetch(`${srv.httpUrl}/api/time`);
    const t1 = Date.now();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { now } = (await res.json()) as { now: number };
    expect(now).toBeGreaterThanOrEqual(t0);
    expect(now).toBeLessThanOrEqual(t1);
  });
});
