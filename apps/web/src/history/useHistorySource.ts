import { useEffect } from "react";
import type { RoomId } from "@archboard/protocol";
import type * as Y from "yjs";
import type { OpenBoard } from "../board-list/boardStorage.ts";
import { localHistorySource, roomHistorySource } from "./historySource.ts";
import { useHistoryView } from "./historyView.ts";

/** How long the timeline waits after a change before reading the points again. */
const REFRESH_AFTER_MS = 700;

/**
 * Points the past view at this board's history while the board is open: the
 * server's for a shared room (read with the room's token), else this
 * browser's. The timeline's points are read again a moment after the board
 * changes, at most once per burst of changes.
 */
export function useHistorySource(board: OpenBoard, roomId: RoomId | undefined, token: string | undefined): void {
  const history = board.history;
  useEffect(() => {
    const source = roomId
      ? roomHistorySource(roomId, token, history?.db ?? null)
      : history
        ? localHistorySource(history.db)
        : null;
    const view = useHistoryView.getState();
    view.attach(source);
    void view.refreshPoints();
    const stop = source ? refreshOnChanges(board.doc, () => void useHistoryView.getState().refreshPoints()) : () => {};
    return () => {
      stop();
      useHistoryView.getState().attach(null);
    };
  }, [board.doc, history, roomId, token]);
}

function refreshOnChanges(doc: Y.Doc, refresh: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onUpdate = () => {
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        refresh();
      }, REFRESH_AFTER_MS);
    }
  };
  doc.on("update", onUpdate);
  return () => {
    doc.off("update", onUpdate);
    clearTimeout(timer);
  };
}
