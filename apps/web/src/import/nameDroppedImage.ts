import { mutateElement } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";

/** How long to wait for the editor to place a dropped picture (it may downscale a large one first). */
const PLACE_TIMEOUT_MS = 30_000;

/**
 * Names the picture the editor is about to insert after the file it came
 * from (`customData.fileName`), so the diagram check can call a logo box by
 * it ("the box with influxdb.png") and the name travels with the element to
 * everyone in a live room.
 */
export function nameDroppedImage(api: ExcalidrawImperativeAPI, fileName: string): void {
  const before = new Set(
    api
      .getSceneElementsIncludingDeleted()
      .filter((e) => e.type === "image")
      .map((e) => e.id),
  );
  let done = false;
  const stop = () => {
    done = true;
    clearTimeout(timer);
    unsubscribe();
  };
  const unsubscribe = api.onChange((elements, _appState, files) => {
    if (done) return;
    // Once its file is in: the editor has read the picture by then.
    const image = elements.find(
      (e) =>
        e.type === "image" && !e.isDeleted && !before.has(e.id) && e.fileId !== null && files[e.fileId] !== undefined,
    );
    if (!image) return;
    stop();
    // Not from inside the editor's own change notification. The element is changed in
    // place: the editor still holds it (it sets the picture's size next), so a copy
    // would lose that work.
    setTimeout(() => {
      const live = api.getSceneElementsIncludingDeleted().find((e) => e.id === image.id);
      if (live && live.customData?.fileName === undefined)
        mutateElement(live, { customData: { ...live.customData, fileName } });
    }, 0);
  });
  const timer = setTimeout(stop, PLACE_TIMEOUT_MS);
}
