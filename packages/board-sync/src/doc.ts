/**
 * Reading and seeding a board's Y.Doc as a whole: the initial load of a board
 * into the editor, and bulk writes such as importing a file or turning a solo
 * board into a shared room. The live, incremental path is {@link BoardBinding}.
 */
import { indexKey } from "@archboard/scene";
import type * as Y from "yjs";
import { beats, compareByIndex } from "./reconcile.ts";
import {
  ELEMENTS_KEY,
  FILES_KEY,
  copyJson,
  isFileEntry,
  isSyncedElement,
  type FileEntry,
  type FileMap,
  type SceneSnapshot,
  type SyncedElement,
} from "./types.ts";

/** The board's element map (created on first access, like any Yjs root type). */
export const elementsOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(ELEMENTS_KEY);

/** The board's file map. */
export const filesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(FILES_KEY);

/** Options for {@link readScene}. */
export interface ReadSceneOptions {
  /**
   * Include tombstones (`isDeleted: true`). Default `true`: Excalidraw keeps
   * deleted elements in its scene, and a scene that matches the doc exactly lets
   * the binding start without any work.
   */
  readonly includeDeleted?: boolean;
}

/**
 * Everything on a board, as copies the caller may keep and mutate: elements in
 * z-order (by fractional index; any elements without an index follow, by id,
 * since a map keeps no order of its own) and files by id. Entries that are not
 * well-formed elements or files are skipped. Pass the result as Excalidraw's
 * `initialData` before creating the {@link BoardBinding}.
 */
export function readScene<E extends SyncedElement = SyncedElement, F extends FileEntry = FileEntry>(
  doc: Y.Doc,
  options: ReadSceneOptions = {},
): SceneSnapshot<E, F> {
  const includeDeleted = options.includeDeleted ?? true;
  const indexed: E[] = [];
  const unindexed: E[] = [];
  elementsOf(doc).forEach((value, key) => {
    if (!isSyncedElement(value) || value.id !== key) return;
    if (!includeDeleted && value.isDeleted === true) return;
    const element = copyJson(value) as unknown as E;
    (typeof element.index === "string" ? indexed : unindexed).push(element);
  });
  indexed.sort(compareByIndex);
  unindexed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const files: Record<string, F> = {};
  filesOf(doc).forEach((value, key) => {
    if (isFileEntry(value) && value.id === key) files[key] = copyJson(value) as unknown as F;
  });
  return { elements: indexed.concat(unindexed), files };
}

/**
 * Bulk write of elements and files into a doc in one transaction: seeding a new
 * board from an imported `.excalidraw` file, or a shared room from a solo board.
 *
 * - Elements are written as copies. One the doc already holds at the same or a
 *   winning revision (see {@link reconcileElement}) is left alone, so seeding twice
 *   is harmless.
 * - Z-order is kept: when the input's indices are all present and strictly
 *   increasing they are kept; otherwise (files from before fractional indices)
 *   every element gets a fresh key `a0`, `a1`, … in array order, in the same key
 *   format Excalidraw uses.
 * - Files already in the doc are never rewritten (files are immutable by id).
 *
 * `origin` defaults to `null`, so a {@link BoardBinding} on the same doc applies
 * the seed to its scene like any remote change.
 */
export function writeScene(
  doc: Y.Doc,
  elements: readonly SyncedElement[],
  files: FileMap | readonly FileEntry[] = {},
  origin: unknown = null,
): void {
  const ordered = hasOrderedIndices(elements);
  const elementMap = elementsOf(doc);
  const fileMap = filesOf(doc);
  const fileList: readonly FileEntry[] = Array.isArray(files) ? files : Object.values(files);
  doc.transact(() => {
    elements.forEach((element, i) => {
      const existing = elementMap.get(element.id);
      if (isSyncedElement(existing) && !beats(element, existing)) return;
      const copy = copyJson(element) as SyncedElement & { index?: string | null };
      elementMap.set(element.id, ordered ? copy : { ...copy, index: indexKey(i) });
    });
    for (const file of fileList) {
      if (!fileMap.has(file.id)) fileMap.set(file.id, copyFile(file));
    }
  }, origin);
}

/** The stored form of a file: the immutable fields only, not local cache data such as `lastRetrieved`. */
export const copyFile = (file: FileEntry): FileEntry => ({
  id: file.id,
  mimeType: file.mimeType,
  dataURL: file.dataURL,
  created: file.created,
});

function hasOrderedIndices(elements: readonly SyncedElement[]): boolean {
  let previous: string | undefined;
  for (const element of elements) {
    const index = element.index;
    if (typeof index !== "string" || index === "") return false;
    if (previous !== undefined && !(previous < index)) return false;
    previous = index;
  }
  return true;
}
