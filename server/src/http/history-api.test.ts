/**
 * The history endpoints: what they answer for open and interview rooms, who
 * may read which document, and the errors for bad or out-of-range requests.
 */
import { describe, expect, it } from "vitest";
import { InterviewRoomSchema, newRoomId, OpenRoomSchema, type InterviewRoom } from "@archboard/protocol";
import * as Y from "yjs";
import { notesDocId } from "../store/store.ts";
import { connectClient, element, synced, waitFor } from "../testing/sync-clients.ts";
import { suiteServer } from "../testing/test-server.ts";
import { parseHistoryPath } from "./history-api.ts";

const SECRET = "history-test-secret-0123456789abcdef";

describe("history API", { timeout: 30_000 }, () => {
  const srv = suiteServer({ ARCHBOARD_SECRET: SECRET });
  const create = async (mode: "open" | "interview") => {
    const res = await fetch(`${srv.httpUrl}/api/rooms`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: srv.httpUrl },
      body: JSON.stringify({ mode }),
    });
    expect(res.status).toBe(201);
    return await res.json();
  };
  const get = (path: string) => fetch(`${srv.httpUrl}${path}`);
  const boardOf = async (res: Response) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    return [...doc.getMap("elements").keys()].sort();
  };

  it("lists an open room's history and rebuilds the board at each point", async () => {
    const { roomId } = OpenRoomSchema.parse(await create("open"));
    const client = connectClient(srv.syncUrl, roomId);
    const times: number[] = [];
    try {
      await synced(client);
      for (const id of ["one", "two", "three"]) {
        client.elements.set(id, element(id));
        await waitFor(`${id} stored`, async () => {
          const list = (await (await get(`/api/rooms/${roomId}/history`)).json()) as { count: number; last: number };
          if (list.count < times.length + 1) return false;
          times.push(list.last);
          return true;
        });
        // The next step lands at a later millisecond, so each step is its own moment.
        await waitFor("the clock to move", () => Date.now() > (times.at(-1) ?? 0));
      }
    } finally {
      client.destroy();
    }
    const list = (await (await get(`/api/rooms/${roomId}/history`)).json()) as {
      doc: string;
      points: number[];
      first: number;
    };
    expect(list.doc).toBe("board");
    expect(list.points).toEqual([...list.points].sort((a, b) => a - b));
    const first = await get(`/api/rooms/${roomId}/history/${times[0]}`);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/octet-stream");
    expect(await boardOf(first)).toEqual(["one"]);
    expect(await boardOf(await get(`/api/rooms/${roomId}/history/${times[1]}`))).toEqual(["one", "two"]);
    expect(await boardOf(await get(`/api/rooms/${roomId}/history/${Date.now()}`))).toEqual(["one", "three", "two"]);

    const before = await get(`/api/rooms/${roomId}/history/${list.first - 1}`);
    expect(before.status).toBe(404);
    expect(((await before.json()) as { error: string }).error).toMatch(/history starts at/);
    expect((await get(`/api/rooms/${roomId}/history/yesterday`)).status).toBe(400);
    expect((await get(`/api/rooms/${roomId}/history/-5`)).status).toBe(400);
    expect((await get(`/api/rooms/${roomId}/history/${Date.now() + 3_600_000}`)).status).toBe(400);
    expect((await get(`/api/rooms/${roomId}/notes/history`)).status).toBe(404);
    expect((await get(`/api/rooms/not-a-room/history`)).status).toBe(404);
  });

  it("gives an interview room's board history to every role and its notes history to the interviewer only", async () => {
    const room: InterviewRoom = InterviewRoomSchema.parse(await create("interview"));
    const store = srv.server.sync.store;
    const board = new Y.Doc();
    board.getMap("elements").set("box", element("box"));
    await store.append(room.roomId, Y.encodeStateAsUpdate(board));
    const notes = new Y.Doc();
    notes.getMap("notes").set("text", "strong on caching");
    await store.append(notesDocId(room.roomId), Y.encodeStateAsUpdate(notes));
    const base = `/api/rooms/${room.roomId}`;
    const token = (role: keyof InterviewRoom["invites"]) => `?token=${room.invites[role].token}`;

    for (const role of ["interviewer", "candidate", "observer"] as const) {
      const res = await get(`${base}/history${token(role)}`);
      expect(res.status, role).toBe(200);
      expect(((await res.json()) as { count: number }).count).toBe(1);
      expect(await boardOf(await get(`${base}/history/${Date.now()}${token(role)}`))).toEqual(["box"]);
    }
    const notesList = await get(`${base}/notes/history${token("interviewer")}`);
    expect(notesList.status).toBe(200);
    const notesAt = await get(`${base}/notes/history/${Date.now()}${token("interviewer")}`);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, new Uint8Array(await notesAt.arrayBuffer()));
    expect(rebuilt.getMap("notes").get("text")).toBe("strong on caching");

    for (const role of ["candidate", "observer"] as const) {
      const refused = await get(`${base}/notes/history${token(role)}`);
      expect(refused.status, role).toBe(403);
      expect(((await refused.json()) as { error: string }).error).toMatch(/private to the interviewer/);
      expect((await get(`${base}/notes/history/${Date.now()}${token(role)}`)).status).toBe(403);
    }
    expect((await get(`${base}/history`)).status).toBe(401);
    expect((await get(`${base}/history?token=forged`)).status).toBe(403);
  });

  it("parses only its own paths", () => {
    const id = newRoomId();
    expect(parseHistoryPath(`/api/rooms/${id}/history`)).toEqual({ roomId: id, doc: "board", point: null });
    expect(parseHistoryPath(`/api/rooms/${id}/notes/history/5`)).toEqual({ roomId: id, doc: "notes", point: "5" });
    expect(parseHistoryPath(`/api/rooms/${id}/history/5/6`)).toBeNull();
    expect(parseHistoryPath(`/api/rooms/${id}/versions`)).toBeNull();
    expect(parseHistoryPath("/api/rooms/x/history/1")).toBeNull();
  });
});
