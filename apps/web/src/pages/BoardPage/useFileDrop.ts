import { useState, type DragEvent } from "react";
import { dragHasFiles, sceneFileFromDrop } from "../../import/openSceneFile.ts";

/**
 * Intercepts board files dropped on the board so they open as a new board
 * instead of replacing this one. Other files (JPEG, SVG pictures, …) fall
 * through to the editor, which places them on the canvas.
 */
export function useFileDrop(openFile: (file: File) => void) {
  const [active, setActive] = useState(false);
  return {
    active,
    handlers: {
      onDragOverCapture: (e: DragEvent) => {
        if (dragHasFiles(e.dataTransfer) && !active) setActive(true);
      },
      onDragLeaveCapture: (e: DragEvent) => {
        if (e.relatedTarget === null) setActive(false);
      },
      onDropCapture: (e: DragEvent) => {
        setActive(false);
        const file = sceneFileFromDrop(e.dataTransfer);
        if (!file) return;
        e.preventDefault();
        e.stopPropagation();
        openFile(file);
      },
    },
  };
}
