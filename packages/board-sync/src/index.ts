/**
 * @archboard/board-sync: Excalidraw scene ⇄ board Y.Doc binding. Pure TypeScript
 * on yjs; see README.md for the API and the rules the app must follow.
 */
export { BoardBinding } from "./binding.ts";
export { readScene, writeScene, elementsOf, filesOf, type ReadSceneOptions } from "./doc.ts";
export { reconcileElement, orderByIndex, mergeIntoScene, compareByIndex, beats } from "./reconcile.ts";
export {
  ELEMENTS_KEY,
  FILES_KEY,
  LOCAL_ORIGIN,
  isSyncedElement,
  isFileEntry,
  type SyncedElement,
  type FileEntry,
  type FileMap,
  type SceneAdapter,
  type SceneSnapshot,
  type VersionStamp,
} from "./types.ts";
