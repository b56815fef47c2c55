/** Size limits shared by the client and the server. */
export const LIMITS = {
  /** Largest scene file the app imports (a `.excalidraw` with pasted images can be big). */
  maxImportBytes: 50 * 1024 * 1024,
  /** Longest board title kept; longer titles are cut. */
  maxTitleLength: 120,
  /**
   * Default largest sync WebSocket message the server accepts; a board's first
   * sync carries its whole state, pasted images included.
   */
  maxSyncMessageBytes: 16 * 1024 * 1024,
} as const;
