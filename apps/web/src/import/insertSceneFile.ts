import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { insertAtFreeSpot } from "../templates/insertion.ts";
import { withFreshIds } from "./freshIds.ts";
import { loadSceneFile } from "./openSceneFile.ts";

/**
 * Inserts a board file's elements into the open board: fresh ids (so nothing
 * clashes with what is there), at the nearest clear spot to the view's centre,
 * in one undoable step. Its images go along; the binding shares them in a room.
 * Returns how many elements were added.
 */
export async function insertSceneFile(api: ExcalidrawImperativeAPI, file: File): Promise<number> {
  const scene = await loadSceneFile(file);
  const live = scene.elements.filter((e) => !e.isDeleted);
  const files = Object.values(scene.files);
  // Files first, so the change that adds the elements already carries their images.
  if (files.length > 0) api.addFiles(files);
  return insertAtFreeSpot(api, withFreshIds(live)).length;
}
