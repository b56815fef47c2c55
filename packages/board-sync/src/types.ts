/**
 * The data the binding moves between a scene and a board's `Y.Doc`, and the
 * narrow view of the editor it needs. Nothing here knows about React or the DOM:
 * the app implements {@link SceneAdapter} over the Excalidraw API.
 */
import type { SceneElement } from "@archboard/scene";

/** Name of the `Y.Map<id, element JSON>` holding a board's elements (tombstones included). */
export const ELEMENTS_KEY = "elements";

/** Name of the `Y.Map<fileId, FileEntry>` holding a board's image files. */
export const FILES_KEY = "files";

/**
 * Origin of every transaction the binding writes for local edits. Observers on the
 * same doc recognise their own writes by it; anything else (a provider, IndexedDB,
 * {@link writeScene}) counts as remote and is applied to the scene.
 */
export const LOCAL_ORIGIN: object = Object.freeze({ name: "archboard:board-sync:local" });

/**
 * What the binding needs of an element. Excalidraw's `ExcalidrawElement` satisfies
 * it; the rest of the element is carried along as opaque JSON. The `id` is the key in
 * the `elements` map; `index` is compared as a plain string (absent in files from
 * before indices); deletes are tombstones that stay in the map with `isDeleted: true`.
 */
export interface SyncedElement extends Pick<SceneElement, "id" | "index" | "isDeleted"> {
  /** Bumped on every change; the higher version wins a reconcile. */
  readonly version: number;
  /** Random per change; on equal versions the lower nonce wins, so every peer picks the same one. */
  readonly versionNonce: number;
}

/**
 * An image file as stored in the `files` map (Excalidraw's `BinaryFileData`).
 * Files are immutable by id: the binding writes new ids only and never rewrites one.
 */
export interface FileEntry {
  readonly id: string;
  readonly mimeType: string;
  /** `data:` URL with the file's bytes. */
  readonly dataURL: string;
  /** Epoch milliseconds. */
  readonly created: number;
}

/** Files keyed by id, the shape of Excalidraw's `BinaryFiles`. */
export type FileMap<F extends FileEntry = FileEntry> = Readonly<Record<string, F>>;

/** A scene read from a doc, ready for Excalidraw's `initialData`. */
export interface SceneSnapshot<E extends SyncedElement = SyncedElement, F extends FileEntry = FileEntry> {
  /** Ordered by fractional index (see {@link orderByIndex}); copies, never the doc's own objects. */
  readonly elements: E[];
  readonly files: FileMap<F>;
}

/**
 * The editor as the binding sees it. The app implements it over the Excalidraw API.
 */
export interface SceneAdapter<E extends SyncedElement = SyncedElement, F extends FileEntry = FileEntry> {
  /** Current scene elements, deleted ones included, in z-order (Excalidraw keeps this ordered by index). */
  getElementsIncludingDeleted: () => readonly E[];
  /**
   * Ids of elements the local user is editing right now (text being typed, element
   * being dragged/resized/drawn): local wins for them until they leave this set.
   */
  getEditingIds: () => ReadonlySet<string>;
  /**
   * Replace the scene with `elements` (deleted ones included), e.g. Excalidraw
   * `updateScene({ elements, captureUpdate: "NEVER" })` so remote edits stay out of
   * local undo. The array and its elements are fresh copies the scene may keep.
   */
  applyRemote: (elements: E[]) => void;
  /** Make remote image files available to the scene (Excalidraw `addFiles`). */
  addFiles: (files: F[]) => void;
}

/** Version and nonce of one element: all the binding remembers of what the doc holds. */
export interface VersionStamp {
  readonly version: number;
  readonly versionNonce: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether a value read from the doc is usable as an element. The doc is filled by
 * other peers, so it is an edge: malformed entries are skipped, never applied.
 */
export function isSyncedElement(value: unknown): value is SyncedElement {
  if (!isRecord(value)) return false;
  const { id, version, versionNonce, index, isDeleted } = value;
  return (
    typeof id === "string" &&
    typeof version === "number" &&
    Number.isFinite(version) &&
    typeof versionNonce === "number" &&
    (index === undefined || index === null || typeof index === "string") &&
    (isDeleted === undefined || typeof isDeleted === "boolean")
  );
}

/** Whether a value read from the doc is usable as a file entry. */
export function isFileEntry(value: unknown): value is FileEntry {
  if (!isRecord(value)) return false;
  return (
    typeof value.id === "string" &&
    typeof value.mimeType === "string" &&
    typeof value.dataURL === "string" &&
    typeof value.created === "number"
  );
}

/**
 * Deep copy of plain JSON data. Used in both directions: Yjs keeps a reference to
 * whatever is written locally, and hands out its own objects on read, while
 * Excalidraw mutates elements in place, so neither side may hold the other's
 * objects. A plain recursive copy is several times cheaper than `structuredClone`
 * for element-sized objects, which matters on the onChange path.
 */
export function copyJson<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyJson(value[i]);
    return out as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out as T;
}

/** The version stamp of an element. */
export const stampOf = (element: VersionStamp): VersionStamp => ({
  version: element.version,
  versionNonce: element.versionNonce,
});
