import { SceneImportError, checkSceneFile } from "./sceneFile.ts";

/** What a file dropped on a board turns out to be, and so what the drop does. */
export type DroppedFile =
  /** A picture: the editor places it where it was dropped. */
  | { kind: "picture"; file: File }
  /** A board (`.excalidraw`, or a PNG/SVG with its scene embedded). */
  | { kind: "scene"; file: File }
  /** Neither; `message` says why, in plain words. */
  | { kind: "refused"; file: File; message: string };

/**
 * Image formats that never carry a scene, so the editor can take them
 * straight away. PNG and SVG may embed one and have to be read first.
 */
const PICTURE_ONLY_TYPES = new Set([
  "image/jpeg",
  "image/webp",
  "image/gif",
  "image/bmp",
  "image/avif",
  "image/x-icon",
]);
const PICTURE_ONLY_NAMES = /\.(jpe?g|jfif|webp|gif|bmp|avif|ico)$/i;

/** Whether the file is a picture that cannot hold a board (decided without reading it). */
export const isPictureOnly = (file: File) => PICTURE_ONLY_TYPES.has(file.type) || PICTURE_ONLY_NAMES.test(file.name);

/** The first file a drag carries, if any. */
export const firstDroppedFile = (data: DataTransfer | null): File | null => data?.files[0] ?? null;

/**
 * Reads a dropped file to tell a picture from a board. A PNG or SVG without
 * an embedded scene is a picture; with one, it is a board. A damaged or
 * unknown file is refused with the same message opening it would give.
 */
export async function classifyDroppedFile(file: File): Promise<DroppedFile> {
  if (isPictureOnly(file)) return { kind: "picture", file };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    checkSceneFile(file.name, bytes);
    return { kind: "scene", file };
  } catch (err) {
    if (!(err instanceof SceneImportError)) throw err;
    if (err.reason === "picture") return { kind: "picture", file };
    return { kind: "refused", file, message: err.message };
  }
}
