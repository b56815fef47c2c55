import { describe, expect, it } from "vitest";
import { newRoomId, RoleSchema } from "@archboard/protocol";
import type { Authorize } from "../auth/authorize.ts";
import { CloseCode } from "./protocol.ts";
import { connectClient, docFromUpdates, element, rawSocket, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

/** Test hook: the role comes from `?role=`; `?refuse` is turned away with 4403. */
const roleFromQuery: Authorize = async (req) => {
  const params = new URL(req.url ?? "/", "http://x").searchParams;
  if (params.has("refuse")) return { refuse: CloseCode.Forbidden, reason: "not invited" };
  return { role: RoleSchema.catch("candidate").parse(params.get("role")) };
};

describe("read-only connections (canWrite=false)", { timeout: 15_000 }, () => {
  const srv = suiteServer({}, { authorize: roleFromQuery });

  it("drops an observer's document updates (never stored, never relayed) but passes its awareness", async () => {
    const room = newRoomId();
    const writer = connectClient(srv.syncUrl, room);
    const other = connectClient(srv.syncUrl, room);
    await Promise.all([synced(writer), synced(other)]);
    writer.elements.set("w1", element("w1"));
    // The observer arrives with offline content: its sync step 2 must be dropped too.
    const observer = connectClient(srv.syncUrl, room, { role: "observer" });
    observer.elements.set("offline", element("offline"));
    try {
      await synced(observer);
      await waitFor("observer reads the board", () => observer.elements.has("w1"));
      observer.elements.set("obs", element("obs"));
      observer.provider.awareness.setLocalStateField("user", { name: "Olga" });
      // Messages from one socket are handled in order: once the awareness state
      // has arrived, the update before it was handled (and dropped).
      await waitFor("observer presence at writer", () =>
        [...writer.provider.awareness.getStates().values()].some(
          (s) => (s as { user?: { name: string } }).user?.name === "Olga",
        ),
      );
      // Relays leave in order: a later edit arriving means any relay of "obs" would have arrived first.
      other.elements.set("o1", element("o1"));
      await waitFor("later edit at writer", () => writer.elements.has("o1"));
      expect(writer.elements.has("obs")).toBe(false);
      expect(writer.elements.has("offline")).toBe(false);
      await waitFor("observer gets later edits", () => observer.elements.has("o1"));

      const server = srv.server.sync.rooms.get(room);
      expect(server?.doc.getMap("elements").has("obs")).toBe(false);
      const stored = docFromUpdates((await srv.server.sync.store.load(room as never)).updates).getMap("elements");
      expect([...stored.keys()].sort()).toEqual(["o1", "w1"]);
      const metrics = await (await fetch(`${srv.httpUrl}/metrics`)).text();
      expect(metrics).toMatch(/archboard_sync_updates_dropped_total\{reason="read_only"\} [1-9]/);
    } finally {
      observer.destroy();
      writer.destroy();
      other.destroy();
    }
  });

  it("closes a refused connection right after the upgrade with the hook's code", async () => {
    const raw = await rawSocket(`${srv.syncUrl}/${newRoomId()}?refuse=1`);
    expect(await raw.closed).toBe(4403);
    expect(raw.frames).toEqual([]);
  });
});
