import { useEffect, useRef } from "react";
import type { BoardId } from "@archboard/protocol";
import { saveView, type BoardView } from "../../board-list/boardView.ts";
import type { SceneChangeListener } from "./useSceneChanges.ts";

const SAVE_DELAY_MS = 300;

/**
 * Remembers where the user is looking (scroll and zoom) for this board, saved
 * once scrolling settles rather than on every frame, and written at once when
 * the board is left so the last move is not lost.
 */
export function useRememberedView(boardId: BoardId): SceneChangeListener {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<BoardView | null>(null);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (pending.current) saveView(boardId, pending.current);
      pending.current = null;
    },
    [boardId],
  );

  return {
    onChange: (_elements, appState) => {
      pending.current = { scrollX: appState.scrollX, scrollY: appState.scrollY, zoom: appState.zoom.value };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (pending.current) saveView(boardId, pending.current);
        pending.current = null;
      }, SAVE_DELAY_MS);
    },
  };
}
