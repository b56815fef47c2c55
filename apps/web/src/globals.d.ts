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
  /** The board at a past moment, while the History panel shows one (read-only view). */
  archboardPast?: {
    /** The time of the last change the shown board includes. */
    at: () => number | null;
    elements: () => readonly import("@excalidraw/excalidraw/element/types").ExcalidrawElement[];
  };
}
