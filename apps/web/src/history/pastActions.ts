/**
 * What can be done from a past moment of the board: restore it as one change,
 * open it as a new board, export it as a PNG. None of them changes the past;
 * only a restore writes to the live board, through the editor, so it reaches
 * the doc (and the room) as the user's own change and undoes with Ctrl+Z.
 */
import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { ExcalidrawElement, NonDeletedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { mergeIntoScene, writeScene } from "@archboard/board-sync";
import { restoreChanges } from "@archboard/board-sync/history";
import { acquireBoard, releaseBoard } from "../board-list/boardStorage.ts";
import type { BoardMeta } from "../board-list/boardIndex.ts";
import { boardsStore } from "../board-list/boardsStore.ts";
import { DEFAULT_EXPORT_OPTIONS, download, renderSceneExport } from "../export/exportBoard.ts";
import { exportFileName } from "../export/fileName.ts";
import type { PastScene } from "./historySource.ts";

const live = (elements: readonly ExcalidrawElement[]) =>
  elements.filter((e) => !e.isDeleted) as NonDeletedExcalidrawElement[];

/** "10:42:05", or with the date for another day: how a moment of history is named. */
export function momentLabel(at: number, now = Date.now()): string {
  const d = new Date(at);
  const time = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  if (new Date(now).toDateString() === d.toDateString()) return time;
  return `${d.toLocaleDateString(undefined, { month: "short", day: "numeric" })} ${time}`;
}

/**
 * Writes the past board back onto the live one as one undoable step: every
 * element that differs is written as it was (elements drawn since are
 * deleted) with a version above any peer's, so everyone in the room converges
 * on it. Returns how many elements changed (0: the board already is so).
 */
export function restorePast(api: ExcalidrawImperativeAPI, past: PastScene): number {
  const current = api.getSceneElementsIncludingDeleted();
  const changes = restoreChanges(current, past.elements);
  const known = api.getFiles();
  const files = Object.values(past.files).filter((f) => !(f.id in known));
  if (files.length > 0) api.addFiles(files);
  if (changes.length === 0) return 0;
  api.updateScene({ elements: mergeIntoScene(current, changes), captureUpdate: CaptureUpdateAction.IMMEDIATELY });
  return changes.length;
}

/** Creates a new board on this device holding the past board; returns it (the caller opens it). */
export async function openPastAsBoard(past: PastScene, title: string): Promise<BoardMeta> {
  const meta = boardsStore()
    .getState()
    .create(`${title} at ${momentLabel(past.at)}`.slice(0, 120));
  const board = await acquireBoard(meta.id);
  try {
    writeScene(board.doc, live(past.elements), past.files);
  } finally {
    await releaseBoard(meta.id);
  }
  return meta;
}

/**
 * Downloads a PNG of the past board (with the scene embedded, like any PNG
 * export, so it opens as a board again), in the user's export preferences.
 */
export async function exportPastPng(
  past: PastScene,
  title: string,
  viewBackgroundColor: string,
  opts = DEFAULT_EXPORT_OPTIONS,
): Promise<{ name: string; bytes: number }> {
  const elements = live(past.elements);
  if (elements.length === 0) throw new Error("The board was empty at that moment.");
  const name = exportFileName(title, "png", momentLabel(past.at).replace(/[^0-9A-Za-z]+/g, "-"));
  const blob = await renderSceneExport(
    { elements, files: past.files, appState: { viewBackgroundColor, name } },
    { ...opts, format: "png", selectionOnly: false },
  );
  download(blob, name);
  return { name, bytes: blob.size };
}
