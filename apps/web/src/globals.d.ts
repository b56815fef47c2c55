// Globals the app sets on `window`; browser tests read them too.
interface Window {
  /** Where Excalidraw loads its fonts from; set in index.html to our own origin. */
  EXCALIDRAW_ASSET_PATH?: string | string[];
  /** Read-only view of the open board, for scripts and browser tests. */
  archboard?: {
    boardId: string;
    elements: () => readonly import("@excalidraw/excalidraw/element/types").ExcalidrawElement[];
    appState: () => import("@excalidraw/excalidraw/types").AppState;
    /** Images the board holds, by file id. */
    files: () => import("@excalidraw/excalidraw/types").BinaryFiles;
  };
}
