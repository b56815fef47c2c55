import { useEffect, useRef } from "react";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFileData, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { BoardBinding } from "@archboard/board-sync";
import type { OpenBoard } from "../../board-list/boardStorage.ts";
import { excalidrawScene } from "./sceneAdapter.ts";
import type { SceneChangeListener } from "./useSceneChanges.ts";

/**
 * Binds the editor to the board's Y.Doc once the editor is ready: local
 * changes are written to the doc, remote ones are merged into the scene.
 * Also exposes the live scene read-only as `window.archboard` for scripts
 * and browser tests.
 */
export function useBoardBinding(api: ExcalidrawImperativeAPI | null, board: OpenBoard): SceneChangeListener {
  const bindingRef = useRef<BoardBinding<ExcalidrawElement, BinaryFileData> | null>(null);

  useEffect(() => {
    if (!api) return;
    const binding = new BoardBinding<ExcalidrawElement, BinaryFileData>(board.doc, excalidrawScene(api));
    bindingRef.current = binding;
    // Marks the moment the board is interactive, for load-time measurements.
    performance.mark("archboard:board-interactive");
    window.archboard = {
      boardId: board.id,
      elements: () => api.getSceneElements(),
      appState: () => api.getAppState(),
      files: () => api.getFiles(),
    };
    return () => {
      bindingRef.current = null;
      binding.destroy();
      delete window.archboard;
    };
  }, [api, board]);

  return { onChange: (elements, _appState, files) => bindingRef.current?.pushLocal(elements, files) };
}
