/**
 * BoardBinding: keeps one editor scene and one board Y.Doc in step.
 *
 * Local → doc (`pushLocal`, on every Excalidraw onChange): one pass over the scene
 * comparing each element's (version, versionNonce) with `known`, the stamp of what
 * the doc holds for that id; only elements that differ are copied into the doc,
 * all in one transaction tagged {@link LOCAL_ORIGIN}. Elements applied from the doc
 * carry the doc's stamp, so the onChange that follows `applyRemote` writes nothing.
 *
 * Doc → local (the `elements` observer, skipping our own origin): for each changed
 * key only, reconcile the doc's element with the scene's (see reconcile.ts), merge
 * the elements the doc wins into the ordered scene, and write back local winners
 * so every peer ends on the same element. Ids held back because the user was
 * editing them are settled on the first pushLocal after editing ends.
 */
import type * as Y from "yjs";
import { copyFile, elementsOf, filesOf } from "./doc.ts";
import { beats, mergeIntoScene, sameStamp } from "./reconcile.ts";
import {
  LOCAL_ORIGIN,
  copyJson,
  isFileEntry,
  isSyncedElement,
  stampOf,
  type FileEntry,
  type FileMap,
  type SceneAdapter,
  type SyncedElement,
  type VersionStamp,
} from "./types.ts";

/**
 * Binds a {@link SceneAdapter} to a board's Y.Doc until {@link BoardBinding.destroy}.
 *
 * Create it after the scene shows the doc's content (`readScene(doc)` as Excalidraw
 * `initialData`); construction then costs one O(n) comparison and writes nothing.
 * If the two differ (say the doc filled in meanwhile) construction reconciles
 * them: doc-winning elements go to `applyRemote`, scene-only and scene-winning
 * ones into the doc. Files already in the doc are assumed to be in the scene.
 */
export class BoardBinding<E extends SyncedElement = SyncedElement, F extends FileEntry = FileEntry> {
  /** The board document this binding writes to. */
  readonly doc: Y.Doc;
  private readonly scene: SceneAdapter<E, F>;
  private readonly elements: Y.Map<unknown>;
  private readonly files: Y.Map<unknown>;
  /** Stamp of each element the doc holds, as last seen or written by this binding. */
  private readonly known = new Map<string, VersionStamp>();
  /** Ids whose doc element is newer but which the scene keeps while the user edits them. */
  private readonly held = new Set<string>();
  private destroyed = false;

  constructor(doc: Y.Doc, scene: SceneAdapter<E, F>) {
    this.doc = doc;
    this.scene = scene;
    this.elements = elementsOf(doc);
    this.files = filesOf(doc);
    this.elements.observe(this.onElementsChanged);
    this.files.observe(this.onFilesChanged);
    this.applyDoc(this.elements.keys(), scene.getElementsIncludingDeleted());
    this.pushLocal(scene.getElementsIncludingDeleted());
  }

  /**
   * Writes local changes to the doc; call it from Excalidraw `onChange(elements,
   * appState, files)`. Cost: one Map lookup per element, plus copying the changed
   * ones. Elements older than the doc's are not written: while edited they stay
   * held, otherwise (and once editing ends) the doc's element is applied to the scene.
   * New file ids are written; existing ones never are (files are immutable).
   */
  pushLocal(elements: readonly E[], files?: FileMap<F>): void {
    if (this.destroyed) return;
    const changed: E[] = [];
    for (const element of elements) {
      const known = this.known.get(element.id);
      if (known !== undefined) {
        if (sameStamp(known, element)) continue;
        if (beats(known, element)) {
          this.held.add(element.id);
          continue;
        }
      }
      changed.push(element);
    }
    const newFiles: F[] = [];
    if (files !== undefined) {
      for (const id in files) {
        const file = files[id];
        if (file !== undefined && !this.files.has(file.id)) newFiles.push(file);
      }
    }
    if (changed.length > 0 || newFiles.length > 0) this.write(changed, newFiles);
    if (this.held.size > 0) this.settleHeld(elements);
  }

  /** Stops observing the doc. The doc and the scene are left as they are. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.elements.unobserve(this.onElementsChanged);
    this.files.unobserve(this.onFilesChanged);
    this.held.clear();
  }

  private readonly onElementsChanged = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => {
    if (this.destroyed || transaction.origin === LOCAL_ORIGIN) return;
    this.applyDoc(event.keysChanged, this.scene.getElementsIncludingDeleted());
  };

  private readonly onFilesChanged = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction): void => {
    if (this.destroyed || transaction.origin === LOCAL_ORIGIN) return;
    const added: F[] = [];
    // Yjs types the changed keys loosely; a map's keys are strings.
    for (const key of event.keysChanged as Set<string>) {
      const value = this.files.get(key);
      if (isFileEntry(value) && value.id === key) added.push(copyJson(value) as unknown as F);
    }
    if (added.length > 0) this.scene.addFiles(added);
  };

  /**
   * Reconciles the doc's elements under `keys` with the scene: doc winners are
   * copied into the scene (one applyRemote), local winners written back.
   * O(k) for the keys plus one O(n) pass over the scene to find their local twins.
   */
  private applyDoc(keys: Iterable<string>, current: readonly E[]): void {
    const remote = new Map<string, E | null>(); // null: key gone or malformed
    for (const key of keys) {
      const value = this.elements.get(key);
      if (isSyncedElement(value) && value.id === key) {
        remote.set(key, value as unknown as E);
        this.known.set(key, stampOf(value));
      } else {
        remote.set(key, null);
        this.known.delete(key);
      }
    }
    if (remote.size === 0) return;

    const local = new Map<string, E>();
    for (const element of current) if (remote.has(element.id)) local.set(element.id, element);
    const editing = this.scene.getEditingIds();
    const take: E[] = [];
    const writeBack: E[] = [];
    const removed = new Set<string>();
    for (const [id, theirs] of remote) {
      const ours = local.get(id);
      if (theirs === null) {
        // Keys are tombstoned, never deleted, by this package; if another writer
        // removes one, follow it unless the user is working on that element.
        if (ours !== undefined && !editing.has(id)) removed.add(id);
        this.held.delete(id);
      } else if (ours === undefined) {
        take.push(copyJson(theirs));
      } else if (sameStamp(ours, theirs)) {
        this.held.delete(id);
      } else if (beats(ours, theirs)) {
        writeBack.push(ours);
        this.held.delete(id);
      } else if (editing.has(id)) {
        this.held.add(id);
      } else {
        this.held.delete(id);
        take.push(copyJson(theirs));
      }
    }
    // Write back before applyRemote: the scene may call pushLocal synchronously
    // from applyRemote, and `known` must already say what the doc will hold.
    if (writeBack.length > 0) this.write(writeBack, []);
    if (take.length === 0 && removed.size === 0) return;
    let next = mergeIntoScene(current, take);
    if (removed.size > 0) next = next.filter((element) => !removed.has(element.id));
    this.scene.applyRemote(next);
  }

  /** Held ids the user has stopped editing are reconciled against the doc once more. */
  private settleHeld(current: readonly E[]): void {
    const editing = this.scene.getEditingIds();
    const ready: string[] = [];
    for (const id of this.held) if (!editing.has(id)) ready.push(id);
    if (ready.length === 0) return;
    for (const id of ready) this.held.delete(id);
    this.applyDoc(ready, current);
  }

  private write(elements: readonly E[], files: readonly F[]): void {
    this.doc.transact(() => {
      for (const element of elements) {
        this.elements.set(element.id, copyJson(element));
        this.known.set(element.id, stampOf(element));
      }
      for (const file of files) this.files.set(file.id, copyFile(file));
    }, LOCAL_ORIGIN);
  }
}
