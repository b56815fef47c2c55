import * as Y from "yjs";
import { IndexeddbPersistence } from "y-indexeddb";
import { createStore } from "zustand/vanilla";
import { useStore } from "zustand";
import type { BoardId, RoomId } from "@archboard/protocol";
import { BoardIndex, type BoardMeta } from "./boardIndex.ts";
import { INDEX_DB, copyBoardData, deleteBoardData } from "./boardStorage.ts";
import { syncAcrossTabs } from "./tabSync.ts";

export interface BoardsState {
  /** False until the list has been read from IndexedDB. */
  ready: boolean;
  boards: BoardMeta[];
  create: (title?: string) => BoardMeta;
  rename: (id: BoardId, title: string) => void;
  duplicate: (id: BoardId) => Promise<BoardMeta | undefined>;
  remove: (id: BoardId) => Promise<void>;
  touch: (id: BoardId) => void;
  setThumbnail: (id: BoardId, thumbnail: string | undefined) => void;
  get: (id: BoardId) => BoardMeta | undefined;
  setRoom: (id: BoardId, roomId: RoomId | undefined, token?: string) => void;
  findByRoom: (roomId: RoomId) => BoardMeta | undefined;
}

/**
 * The board list as a zustand store over a {@link BoardIndex}. The index doc
 * is the source of truth; the store mirrors `index.list()` after every change
 * (including changes made by another tab once it is reloaded).
 */
export function createBoardsStore(index: BoardIndex, whenLoaded: Promise<unknown>) {
  const store = createStore<BoardsState>()(() => ({
    ready: false,
    boards: [],
    create: (title) => index.create(title),
    rename: (id, title) => void index.rename(id, title),
    duplicate: async (id) => {
      const copy = index.duplicateEntry(id);
      if (copy) await copyBoardData(id, copy.id);
      return copy;
    },
    remove: async (id) => {
      index.remove(id);
      await deleteBoardData(id);
    },
    touch: (id) => void index.touch(id),
    setThumbnail: (id, thumbnail) => void index.setThumbnail(id, thumbnail),
    get: (id) => index.get(id),
    setRoom: (id, roomId, token) => void index.setRoom(id, roomId, token),
    findByRoom: (roomId) => index.findByRoom(roomId),
  }));
  const refresh = () => store.setState({ boards: index.list() });
  index.boards.observe(refresh);
  void whenLoaded.then(() => store.setState({ ready: true, boards: index.list() }));
  return store;
}

let singleton: ReturnType<typeof createBoardsStore> | null = null;

/** The app-wide board list, persisted in IndexedDB. */
export function boardsStore() {
  if (!singleton) {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(INDEX_DB, doc);
    // Boards created, renamed or deleted in another tab show up here too.
    void persistence.whenSynced.then(() => syncAcrossTabs(doc, INDEX_DB));
    singleton = createBoardsStore(new BoardIndex(doc), persistence.whenSynced);
  }
  return singleton;
}

export function useBoards<T>(selector: (s: BoardsState) => T): T {
  return useStore(boardsStore(), selector);
}
