import { useEffect } from "react";
import { restoreElements } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI, LibraryItem } from "@excalidraw/excalidraw/types";
import { componentLibrary } from "./componentLibrary.ts";
import { centreBoundText } from "../placement/geometry.ts";

/** Library items with their labels measured in the real font and centred in their boxes. */
export function measureLibraryItems(items: readonly LibraryItem[]): LibraryItem[] {
  return items.map((item) => ({
    ...item,
    elements: centreBoundText(restoreElements(item.elements, null, { refreshDimensions: true, repairBindings: true })),
  }));
}

/**
 * Puts the shipped component library into Excalidraw's library panel (merged with
 * whatever the user added there). Bundled with the app: no network.
 */
export function useComponentLibrary(api: ExcalidrawImperativeAPI | null): void {
  useEffect(() => {
    if (!api) return;
    void api.updateLibrary({
      libraryItems: measureLibraryItems(componentLibrary()),
      merge: true,
      openLibraryMenu: false,
    });
  }, [api]);
}
