import { exportToBlob, exportToCanvas, exportToSvg, serializeAsJSON } from "@excalidraw/excalidraw";
import type { AppState, BinaryFiles, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { ExcalidrawElement, NonDeletedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { addBoardData, pngWithScene, type BoardFileData } from "./boardData.ts";
import { exportFileName, type ExportFormat } from "./fileName.ts";
import { elementsToExport } from "./selection.ts";

export interface ExportOptions {
  format: ExportFormat;
  scale: 1 | 2 | 3;
  background: boolean;
  dark: boolean;
  selectionOnly: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: "png",
  scale: 2,
  background: true,
  dark: false,
  selectionOnly: false,
};

const PADDING = 16;

/** The parts of the current board an export needs. */
function snapshot(api: ExcalidrawImperativeAPI, opts: Pick<ExportOptions, "selectionOnly">) {
  const appState = api.getAppState();
  const selected = new Set(Object.keys(appState.selectedElementIds).filter((id) => appState.selectedElementIds[id]));
  const elements = elementsToExport(
    api.getSceneElementsIncludingDeleted(),
    selected,
    opts.selectionOnly,
  ) as NonDeletedExcalidrawElement[];
  return { elements, appState, files: api.getFiles() };
}

export function hasSelection(api: ExcalidrawImperativeAPI) {
  return Object.values(api.getAppState().selectedElementIds).some(Boolean);
}

/**
 * Renders the board (or selection) in the requested format. PNGs always carry
 * the scene, so a PNG opened later becomes an editable board again; PNG and
 * .excalidraw files also carry `data` (the board's estimate).
 */
export async function renderExport(
  api: ExcalidrawImperativeAPI,
  opts: ExportOptions,
  data?: BoardFileData,
): Promise<Blob> {
  const scene = snapshot(api, opts);
  if (scene.elements.length === 0) throw new Error(opts.selectionOnly ? "Nothing is selected." : "The board is empty.");
  return renderSceneExport(scene, opts, data);
}

/** What an export of a scene other than the live one (e.g. the board at a past moment) needs. */
export interface ExportScene {
  elements: readonly NonDeletedExcalidrawElement[];
  files: BinaryFiles;
  appState: Pick<AppState, "viewBackgroundColor" | "name">;
}

/** Renders `scene` in the requested format, as {@link renderExport} renders the live board. */
export async function renderSceneExport(scene: ExportScene, opts: ExportOptions, data?: BoardFileData): Promise<Blob> {
  const { elements, appState, files } = scene;
  const exportAppState = {
    exportBackground: opts.background,
    exportWithDarkMode: opts.dark,
    viewBackgroundColor: appState.viewBackgroundColor,
    exportEmbedScene: true,
    exportScale: opts.scale,
    name: appState.name,
  };
  if (opts.format === "png") {
    const png = await exportToBlob({
      elements,
      files,
      // The scene is embedded below, with the board's data, in Excalidraw's format.
      appState: { ...exportAppState, exportEmbedScene: false },
      mimeType: "image/png",
      exportPadding: PADDING,
      getDimensions: (w: number, h: number) => ({ width: w * opts.scale, height: h * opts.scale, scale: opts.scale }),
    });
    return pngWithScene(png, addBoardData(serializeAsJSON(elements, exportAppState, files, "local"), data));
  }
  if (opts.format === "svg") {
    const svg = await exportToSvg({ elements, files, appState: exportAppState, exportPadding: PADDING });
    return new Blob([svg.outerHTML], { type: "image/svg+xml" });
  }
  const json = addBoardData(serializeAsJSON(elements, appState, files, "local"), data);
  return new Blob([json], { type: "application/vnd.excalidraw+json" });
}

/** A small preview image (data URL) of what the export will contain. */
export async function renderPreview(api: ExcalidrawImperativeAPI, opts: ExportOptions, maxSize: number) {
  const { elements, appState, files } = snapshot(api, opts);
  if (elements.length === 0) return null;
  const canvas = await exportToCanvas({
    elements,
    files,
    appState: {
      exportBackground: opts.background,
      exportWithDarkMode: opts.dark,
      viewBackgroundColor: appState.viewBackgroundColor,
    },
    exportPadding: PADDING,
    maxWidthOrHeight: maxSize,
  });
  return canvas.toDataURL("image/png");
}

/** Saves a blob through the browser's download flow. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function exportAndDownload(
  api: ExcalidrawImperativeAPI,
  title: string,
  opts: ExportOptions,
  data?: BoardFileData,
) {
  const blob = await renderExport(api, opts, data);
  const name = exportFileName(title, opts.format, opts.selectionOnly ? "selection" : undefined);
  download(blob, name);
  return { name, bytes: blob.size };
}

export async function copyPngToClipboard(api: ExcalidrawImperativeAPI, opts: ExportOptions, data?: BoardFileData) {
  if (!navigator.clipboard || typeof ClipboardItem === "undefined") {
    throw new Error("This browser does not allow copying images to the clipboard.");
  }
  // Passing a promise keeps the user gesture valid while the PNG renders (Safari needs this).
  await navigator.clipboard.write([
    new ClipboardItem({ "image/png": renderExport(api, { ...opts, format: "png" }, data) }),
  ]);
}

/** What a thumbnail is drawn from: the scene as the editor last reported it. */
export interface SceneSnapshot {
  elements: readonly ExcalidrawElement[];
  appState: Pick<AppState, "viewBackgroundColor">;
  files: BinaryFiles;
}

/**
 * A thumbnail for the home page: whole board, light, small. It takes a
 * snapshot rather than the editor, so it still works while the editor unmounts.
 */
export async function renderThumbnail(scene: SceneSnapshot): Promise<string | undefined> {
  const elements = elementsToExport(scene.elements, new Set(), false) as NonDeletedExcalidrawElement[];
  if (elements.length === 0) return undefined;
  const canvas = await exportToCanvas({
    elements,
    files: scene.files,
    appState: {
      exportBackground: true,
      exportWithDarkMode: false,
      viewBackgroundColor: scene.appState.viewBackgroundColor,
    },
    exportPadding: PADDING,
    maxWidthOrHeight: 360,
  });
  return canvas.toDataURL("image/png");
}
