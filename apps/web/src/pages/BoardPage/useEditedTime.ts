import type { BoardId } from "@archboard/protocol";
import { boardsStore } from "../../board-list/boardsStore.ts";
import type { SceneChangeListener } from "./useSceneChanges.ts";

/** Moves the board's "edited" time in the board list whenever the drawing changes. */
export function useEditedTime(boardId: BoardId): SceneChangeListener {
  return { onEdit: () => boardsStore().getState().touch(boardId) };
}
