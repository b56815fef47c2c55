import { useEffect } from "react";
import type { ExcalidrawImperativeAPI, LibraryItem } from "@excalidraw/excalidraw/types";
import { componentLibrary } from "./componentLibrary.ts";
import { loadFontsFor, measuredByExcalidraw, textSamples } from "../measure/realFont.ts";

/** Library items with their labels measured by Excalidraw in the real font and centred in their boxes. */
export async function measureLibraryItems(items: readonly LibraryItem[]): Promise<LibraryItem[]> {
  await loadFontsFor(items.flatMap((item) => textSamples(item.elements)));
  return items.map((item) => ({ ...item, elements: measuredByExcalidraw(item.elements) }));
}

/**
 * Puts the shipped component library into Excalidraw's library panel (merged with
 * whatever the user added there). Bundled with the app: no network.
 */
export function useComponentLibrary(api: ExcalidrawImperativeAPI | null): void {
  useEffect(() => {
    if (!api) return;
    void measureLibraryItems(componentLibrary()).then((libraryItems) =>
      api.updateLibrary({ libraryItems, merge: true, openLibraryMenu: false }),
    );
  }, [api]);
}
