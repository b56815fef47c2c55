import { describe, expect, it } from "vitest";
import { newRoomId } from "@archboard/protocol";
import { connectClient, element, rawSocket, snapshot, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";

type Presence = { user?: { name: string }; pointer?: { x: number; y: number } };

describe("sync with the stock y-websocket client", () => {
  const srv = suiteServer();

  it("syncs elements and files both ways between two providers", async () => {
    const room = newRoomId();
    const a = connectClient(srv.syncUrl, room);
    const b = connectClient(srv.syncUrl, room);
    try {
      await Promise.all([synced(a), synced(b)]);
      a.elements.set("box-1", element("box-1"));
      await waitFor("b sees box-1", () => b.elements.has("box-1"));
      b.elements.set("box-2", element("box-2"));
      b.doc
        .getMap("files")
        .set("file-1", { id: "file-1", mimeType: "image/png", dataURL: "data:image/png;base64,AAAA" });
      await waitFor("a sees b's edits", () => a.elements.has("box-2") && a.doc.getMap("files").has("file-1"));
      // Concurrent edits to the same element converge.
      a.elements.set("box-1", element("box-1", 2));
      b.elements.set("box-1", element("box-1", 3));
      await waitFor("convergence", () => JSON.stringify(snapshot(a.doc)) === JSON.stringify(snapshot(b.doc)));
      expect(a.elements.get("box-2")).toEqual(element("box-2"));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("gives a late joiner the content and the presence already in the room", async () => {
    const room = newRoomId();
    const a = connectClient(srv.syncUrl, room);
    try {
      await synced(a);
      for (let i = 0; i < 20; i++) a.elements.set(`e${i}`, element(`e${i}`));
      a.provider.awareness.setLocalStateField("user", { name: "Ann" });
      const late = connectClient(srv.syncUrl, room);
      try {
        await synced(late);
        await waitFor("late joiner content", () => late.elements.size === 20);
        await waitFor("late joiner presence", () =>
          [...late.provider.awareness.getStates().values()].some((s) => (s as Presence).user?.name === "Ann"),
        );
      } finally {
        late.destroy();
      }
    } finally {
      a.destroy();
    }
  });

  it("propagates awareness changes and removes a peer's state when it leaves", async () => {
    const room = newRoomId();
    const a = connectClient(srv.syncUrl, room);
    const b = connectClient(srv.syncUrl, room);
    try {
      await Promise.all([synced(a), synced(b)]);
      const aId = a.doc.clientID;
      a.provider.awareness.setLocalState({ user: { name: "Ann" }, pointer: { x: 1, y: 2 } });
      await waitFor(
        "b sees a's pointer",
        () => (b.provider.awareness.getStates().get(aId) as Presence | undefined)?.pointer?.x === 1,
      );
      a.provider.awareness.setLocalStateField("pointer", { x: 40, y: 50 });
      await waitFor(
        "b sees the move",
        () => (b.provider.awareness.getStates().get(aId) as Presence | undefined)?.pointer?.x === 40,
      );
      b.provider.awareness.setLocalStateField("user", { name: "Bo" });
      await waitFor(
        "a sees b",
        () => (a.provider.awareness.getStates().get(b.doc.clientID) as Presence | undefined)?.user?.name === "Bo",
      );
      // Cut a's socket without a goodbye: the server must announce the departure itself.
      a.provider.ws?.close();
      a.provider.shouldConnect = false;
      await waitFor("a's state removed at b", () => !b.provider.awareness.getStates().has(aId));
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it("answers a query-awareness message with every state in the room", async () => {
    const room = newRoomId();
    const a = connectClient(srv.syncUrl, room);
    try {
      await synced(a);
      a.provider.awareness.setLocalStateField("user", { name: "Ann" });
      const { ws, frames } = await rawSocket(`${srv.syncUrl}/${room}`);
      ws.send(Uint8Array.of(3));
      // Greeting: [sync step 1] then [awareness]; the query adds one more awareness frame.
      await waitFor("two awareness frames", () => frames.filter((f) => f[0] === 1).length >= 2);
      expect(frames[0]?.[0]).toBe(0);
      expect(frames.at(-1)?.toString("latin1")).toContain("Ann");
      ws.close();
    } finally {
      a.destroy();
    }
  });
});
