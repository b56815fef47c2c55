/**
 * Restoring a board to an earlier moment as one ordinary change: every
 * element is written again as it was then, with a version above anything
 * anyone has seen, so the restore wins the binding's reconcile on every peer
 * and stays one step for undo; elements drawn since are deleted the same way.
 */
import type * as Y from "yjs";
import { copyFile, elementsOf, filesOf, readScene } from "../doc.ts";
import { copyJson } from "../types.ts";
import type { FileEntry, SyncedElement } from "../types.ts";

/** A fresh `versionNonce`, as Excalidraw makes them. */
const randomNonce = (): number => Math.floor(Math.random() * 2 ** 31);

/**
 * The element writes that turn `current` into `past`: for each element whose
 * visible state differs, the past copy (or, for one drawn since, a tombstone of
 * the current one) with `version` one above the higher of the two and a new
 * nonce. Elements already as they were are left out, so restoring twice
 * writes nothing. Applying the result leaves exactly the past element set
 * visible, with the same ids and content.
 */
export function restoreChanges<E extends SyncedElement>(
  current: readonly E[],
  past: readonly E[],
  nonce: () => number = randomNonce,
): E[] {
  const now = new Map(current.map((e) => [e.id, e]));
  const then = new Map(past.map((e) => [e.id, e]));
  const changes: E[] = [];
  for (const old of past) {
    const cur = now.get(old.id);
    if (cur && sameContent(cur, old)) continue;
    if (!cur && old.isDeleted === true) continue;
    changes.push(bump(old, cur, nonce));
  }
  for (const cur of current) {
    if (then.has(cur.id) || cur.isDeleted === true) continue;
    changes.push(bump({ ...cur, isDeleted: true }, cur, nonce));
  }
  return changes;
}

function bump<E extends SyncedElement>(target: E, cur: E | undefined, nonce: () => number): E {
  const version = Math.max(target.version, cur?.version ?? 0) + 1;
  return { ...target, version, versionNonce: nonce() };
}

/** Whether two copies of an element look the same (everything but the version stamp). */
function sameContent(a: SyncedElement, b: SyncedElement): boolean {
  const strip = ({ version: _v, versionNonce: _n, updated: _u, ...rest }: SyncedElement & { updated?: unknown }) =>
    rest;
  return stableJson(strip(a)) === stableJson(strip(b));
}

/** JSON with object keys sorted, so key order never makes two equal elements differ. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

/**
 * Restores `doc` to the board held by `past` (a document rebuilt from
 * history) in one transaction with `origin`: the element writes of
 * {@link restoreChanges} and any image the past board used that the doc no
 * longer has. Returns how many elements changed.
 */
export function restoreDoc(doc: Y.Doc, past: Y.Doc, origin: unknown = null): number {
  const then = readScene(past);
  const now = readScene(doc);
  const changes = restoreChanges(now.elements, then.elements);
  const files: FileEntry[] = Object.values(then.files).filter((f) => !(f.id in now.files));
  if (changes.length === 0 && files.length === 0) return 0;
  // Written as they are, indices included (writeScene would renumber a subset that is out of order).
  doc.transact(() => {
    const elements = elementsOf(doc);
    for (const e of changes) elements.set(e.id, copyJson(e));
    const fileMap = filesOf(doc);
    for (const f of files) fileMap.set(f.id, copyFile(f));
  }, origin);
  return changes.length;
}
