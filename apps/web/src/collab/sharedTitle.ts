import { useEffect } from "react";
import type * as Y from "yjs";
import type { BoardId, RoomId } from "@archboard/protocol";
import { cleanTitle } from "../board-list/boardIndex.ts";
import { boardsStore } from "../board-list/boardsStore.ts";

/** A shared board's title lives in its doc, so everyone in the room sees one name. */
const metaOf = (doc: Y.Doc) => doc.getMap<string>("meta");

export function sharedTitle(doc: Y.Doc): string | undefined {
  const title = metaOf(doc).get("title");
  return typeof title === "string" ? cleanTitle(title) : undefined;
}

export function setSharedTitle(doc: Y.Doc, title: string) {
  if (metaOf(doc).get("title") !== title) metaOf(doc).set("title", title);
}

export function observeSharedTitle(doc: Y.Doc, onTitle: (title: string) => void): () => void {
  const map = metaOf(doc);
  const handler = () => {
    const t = sharedTitle(doc);
    if (t) onTitle(t);
  };
  map.observe(handler);
  return () => map.unobserve(handler);
}

/**
 * Keeps a shared board's local title in step with the title in its room, so
 * both people see the same name (renames arrive like any other change).
 */
export function useSharedTitle(doc: Y.Doc, boardId: BoardId, roomId: RoomId | undefined) {
  useEffect(() => {
    if (!roomId) return;
    const apply = (title: string) => {
      const store = boardsStore().getState();
      if (store.get(boardId)?.title !== title) store.rename(boardId, title);
    };
    const initial = sharedTitle(doc);
    if (initial) apply(initial);
    return observeSharedTitle(doc, apply);
  }, [doc, boardId, roomId]);
}
