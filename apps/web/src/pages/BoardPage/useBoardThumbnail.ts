import { useCallback, useEffect, useRef } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { BoardId } from "@archboard/protocol";
import { boardsStore } from "../../board-list/boardsStore.ts";
import { renderThumbnail, type SceneSnapshot } from "../../export/exportBoard.ts";

const THUMBNAIL_DELAY_MS = 1000;

/**
 * The home page's picture of a board: redrawn a second after the last change,
 * when the page is hidden and when the board is left. It is drawn from the
 * last scene the editor reported, so it still works while the editor unmounts.
 * A board opened from a file has none yet, so one is drawn right away.
 */
export function useBoardThumbnail(api: ExcalidrawImperativeAPI | null, boardId: BoardId) {
  const latest = useRef<SceneSnapshot | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Never rejects: a thumbnail is a convenience, and the board itself is already saved.
  const update = useCallback(async () => {
    if (!latest.current) return;
    try {
      boardsStore()
        .getState()
        .setThumbnail(boardId, await renderThumbnail(latest.current));
    } catch {
      // Keep the previous picture.
    }
  }, [boardId]);

  useEffect(() => {
    if (!api) return;
    if (!boardsStore().getState().get(boardId)?.thumbnail && api.getSceneElements().length > 0) {
      timer.current = setTimeout(() => void update(), 300);
    }
    const onHide = () => document.visibilityState === "hidden" && void update();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      clearTimeout(timer.current);
      void update();
    };
  }, [api, boardId, update]);

  return {
    /** Every report: remember the scene, so the picture can be drawn after the editor is gone. */
    onChange(elements: SceneSnapshot["elements"], appState: SceneSnapshot["appState"], files: SceneSnapshot["files"]) {
      latest.current = { elements, appState, files };
    },
    /** After a real change: redraw once things settle. */
    onEdit() {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void update(), THUMBNAIL_DELAY_MS);
    },
  };
}
