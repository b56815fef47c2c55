import { useRef } from "react";
import { getSceneVersion } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState, BinaryFiles } from "@excalidraw/excalidraw/types";

/** Excalidraw's `onChange` signature. */
export type SceneChangeHandler = (
  elements: readonly ExcalidrawElement[],
  appState: AppState,
  files: BinaryFiles,
) => void;

/** One consumer of the editor's change stream; each board feature returns one from its hook. */
export interface SceneChangeListener {
  /** Every report from the editor, pointer moves and scrolls included, so it must stay cheap. */
  readonly onChange?: SceneChangeHandler;
  /** Only when the drawing itself changed (its scene version moved), never on the first report. */
  readonly onEdit?: (elements: readonly ExcalidrawElement[]) => void;
}

/**
 * Fans Excalidraw's single `onChange` out to the board's features. The scene
 * version is computed once per report here, so features that care only about
 * real edits (edited time, lint, thumbnail) do not each walk the scene.
 */
export function useSceneChanges(listeners: readonly SceneChangeListener[]): SceneChangeHandler {
  const sceneVersion = useRef<number | null>(null);
  return (elements, appState, files) => {
    for (const listener of listeners) listener.onChange?.(elements, appState, files);
    const version = getSceneVersion(elements);
    if (sceneVersion.current !== null && version !== sceneVersion.current) {
      for (const listener of listeners) listener.onEdit?.(elements);
    }
    sceneVersion.current = version;
  };
}
