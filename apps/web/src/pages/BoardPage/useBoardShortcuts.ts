import { useEffect } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { toast } from "../../ui/toastStore.ts";
import { useBoardUi } from "./boardUiStore.ts";

/**
 * Keyboard shortcuts people bring from Excalidraw, routed to our own flows:
 * Ctrl+O opens a file as a new board, Ctrl+Shift+E opens the export dialog,
 * Ctrl+S reassures that the board saves itself.
 */
export function useBoardShortcuts(api: ExcalidrawImperativeAPI | null, openFile: () => Promise<void>) {
  useEffect(() => {
    if (!api) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === "e" && e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        useBoardUi.getState().openExport();
      } else if (key === "o" && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        void openFile();
      } else if (key === "s" && !e.shiftKey) {
        e.preventDefault();
        e.stopPropagation();
        toast("Boards save automatically in this browser. Use Export to download a copy.");
      }
    };
    // Capture phase: run before Excalidraw's own handler for the same keys.
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [api, openFile]);
}
