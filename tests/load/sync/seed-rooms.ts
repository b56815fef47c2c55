/**
 * Stored rooms for the room benchmarks: each a board of labelled rectangles as
 * the binding stores them, appended straight into a fresh `rooms.sqlite`, so
 * every open the server makes afterwards is a real load from SQLite.
 */
import { newRoomId, type RoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { SqliteRoomStore } from "@archboard/server/store/sqlite-store";

/** One board's update: `n` rectangles with labels. */
export function boardUpdate(n: number, seed: number): Uint8Array {
  const doc = new Y.Doc();
  const elements = doc.getMap("elements");
  doc.transact(() => {
    for (let i = 0; i < n; i++) {
      const id = `r${seed}-${i}`;
      elements.set(id, {
        id,
        type: "rectangle",
        x: i * 120,
        y: seed % 500,
        width: 100,
        height: 60,
        version: 1,
        versionNonce: i,
        index: `a${i}`,
        isDeleted: false,
        boundElements: [{ id: `t${i}`, type: "text" }],
      });
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Writes `count` rooms of `elements` elements each into `dataDir`; returns their ids and one board's size. */
export async function seedRooms(
  dataDir: string,
  count: number,
  elements: number,
): Promise<{ rooms: RoomId[]; bytesEach: number }> {
  const rooms = Array.from({ length: count }, () => newRoomId());
  const store = new SqliteRoomStore(dataDir);
  try {
    await Promise.all(rooms.map((room, i) => store.append(room, boardUpdate(elements, i))));
  } finally {
    await store.close();
  }
  return { rooms, bytesEach: boardUpdate(elements, 0).byteLength };
}
