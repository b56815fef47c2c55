import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFiles } from "@excalidraw/excalidraw/types";
import { writeScene } from "@archboard/board-sync";
import { acquireBoard, releaseBoard } from "../board-list/boardStorage.ts";
import { boardsStore } from "../board-list/boardsStore.ts";
import type { BoardMeta } from "../board-list/boardIndex.ts";
import type { EstimateTexts } from "@archboard/estimates";
import { replaceEstimateTexts } from "../estimates/estimatesDoc.ts";
import { titleFromFileName } from "../export/fileName.ts";
import { readBoardData } from "./boardData.ts";
import { SceneImportError, checkSceneFile } from "./sceneFile.ts";

/** File types offered by the Open dialog. */
export const SCENE_FILE_ACCEPT = ".excalidraw,.json,.png,application/json,image/png";

/**
 * Reads a board file: checks it, then decodes it with Excalidraw's own
 * loader (which also upgrades old formats), and reads the estimate it carries,
 * if any. Throws SceneImportError with a message for the user when the file is
 * not a board.
 */
export async function loadSceneFile(
  file: File,
): Promise<{ elements: readonly ExcalidrawElement[]; files: BinaryFiles; estimates: EstimateTexts | null }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { mimeType } = checkSceneFile(file.name, bytes);
  const { loadFromBlob } = await import("@excalidraw/excalidraw");
  try {
    const scene = await loadFromBlob(new Blob([bytes], { type: mimeType }), null, null);
    const { estimates } = await readBoardData(bytes);
    return { elements: scene.elements, files: scene.files ?? {}, estimates };
  } catch {
    throw new SceneImportError(`“${file.name}” could not be read as a board: its scene data is damaged.`);
  }
}

/**
 * Opens a file as a new board, with the estimate the file carries. Nothing
 * existing is changed, and nothing is created when the file is not a board.
 */
export async function openSceneFile(file: File): Promise<BoardMeta> {
  const scene = await loadSceneFile(file);
  const meta = boardsStore().getState().create(titleFromFileName(file.name));
  const board = await acquireBoard(meta.id);
  try {
    writeScene(board.doc, scene.elements, scene.files);
    if (scene.estimates) replaceEstimateTexts(board.doc, scene.estimates);
  } finally {
    await releaseBoard(meta.id);
  }
  return meta;
}

/** Lets the user pick a scene file; resolves null when they cancel. */
export function pickSceneFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = SCENE_FILE_ACCEPT;
    input.addEventListener("change", () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * The dropped file to open as a board from the home page, if any:
 * `.excalidraw`, `.json` and `.png` files come before others.
 */
export function sceneFileFromDrop(data: DataTransfer | null): File | null {
  for (const file of Array.from(data?.files ?? [])) {
    if (/\.(excalidraw|json|png)$/i.test(file.name) || file.type === "image/png" || file.type === "application/json") {
      return file;
    }
  }
  return null;
}

/** Whether a drag carries files at all (to show the drop hint early). */
export const dragHasFiles = (data: DataTransfer | null) => Array.from(data?.types ?? []).includes("Files");
