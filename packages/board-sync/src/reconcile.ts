/**
 * Reconcile and ordering: the pure half of the binding.
 *
 * How peers converge
 * ------------------
 * The `elements` Y.Map is last-writer-wins per key, with Yjs choosing the same
 * writer on every peer. That alone would let an older edit overwrite a newer one,
 * so each peer also applies Excalidraw's element rule whenever the doc changes:
 *
 *   keep the local element while it is being edited, or when its version is
 *   higher, or when versions are equal and its versionNonce is lower;
 *   otherwise take the doc's (remote) element.
 *
 * When the local element wins but differs from the doc, the peer writes it back.
 * The rule is a total order on (version, versionNonce) that every peer evaluates
 * the same way, so after a write-back every other peer either already holds the
 * winner or takes it; no write-back can provoke another one. Once updates stop and
 * nobody is editing, every scene holds exactly the doc's elements.
 *
 * Editing is the one exception to that order: a peer keeps its element while the
 * user is dragging or typing even when the doc's is newer. It does not write the
 * losing element back (the other peer would reject it and write its own again,
 * back and forth for the whole drag); it remembers the id and settles it against
 * the doc once the element leaves the editing set.
 *
 * Order
 * -----
 * Z-order is the fractional `index`, compared as plain strings with `<` (the keys
 * are ASCII, and `localeCompare` orders them differently from Excalidraw). Equal
 * indices, which concurrent inserts at the same spot can produce, are broken by id
 * so every peer agrees. Elements without an index (files from before indices)
 * keep their position relative to the rest.
 */
import type { SyncedElement, VersionStamp } from "./types.ts";

/** Whether stamp `a` beats stamp `b` under Excalidraw's rule (higher version, then lower nonce). */
export function beats(a: VersionStamp, b: VersionStamp): boolean {
  return a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce);
}

/** Whether two stamps are the same revision of an element. */
export const sameStamp = (a: VersionStamp, b: VersionStamp): boolean =>
  a.version === b.version && a.versionNonce === b.versionNonce;

/**
 * Excalidraw's reconcile rule for one element. Returns whichever of `local` and
 * `remote` the scene should show (the same object, not a copy): `local` when it
 * is being edited, has a higher version, or an equal version and a lower
 * versionNonce; otherwise `remote`. A missing local element always takes remote.
 */
export function reconcileElement<E extends SyncedElement>(local: E | undefined, remote: E, editing: boolean): E {
  if (local === undefined) return remote;
  if (editing || beats(local, remote)) return local;
  return remote;
}

const hasIndex = (element: SyncedElement): element is SyncedElement & { index: string } =>
  typeof element.index === "string";

/**
 * Total order on indexed elements: fractional index by code unit, then id.
 * Both arguments must have an index.
 */
export function compareByIndex(a: SyncedElement, b: SyncedElement): number {
  const ai = a.index as string;
  const bi = b.index as string;
  if (ai < bi) return -1;
  if (ai > bi) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Elements in z-order: indexed elements sorted by {@link compareByIndex} into the
 * positions indexed elements held; elements without an index stay where they were.
 * Returns a new array; O(n log n). For a scene that is already ordered, use
 * {@link mergeIntoScene} to add changes in O(n + k log k).
 */
export function orderByIndex<E extends SyncedElement>(elements: readonly E[]): E[] {
  const indexed = elements.filter(hasIndex).sort(compareByIndex);
  if (indexed.length === elements.length) return indexed;
  let next = 0;
  return elements.map((element) => (hasIndex(element) ? (indexed[next++] as E) : element));
}

/**
 * Puts `incoming` elements into an ordered scene and returns the new scene array
 * (the input is not modified). An incoming element replaces the scene element
 * with its id; it stays in place when its index is unchanged and is otherwise
 * moved to where its index sorts. New indexed elements are merged in by index,
 * new unindexed ones go on top (the end). One pass over the scene plus a sort of
 * the k moved elements: O(n + k log k), no re-sort of the board.
 */
export function mergeIntoScene<E extends SyncedElement>(scene: readonly E[], incoming: Iterable<E>): E[] {
  const byId = new Map<string, E>();
  for (const element of incoming) byId.set(element.id, element);
  if (byId.size === 0) return scene.slice();

  const replaced = new Map<string, E>(); // scene id -> replacement kept in place
  const moved = new Set<string>(); // scene ids whose replacement goes elsewhere
  for (const element of scene) {
    const next = byId.get(element.id);
    if (next === undefined) continue;
    if ((next.index ?? null) === (element.index ?? null)) replaced.set(element.id, next);
    else moved.add(element.id);
  }

  const toInsert: E[] = [];
  const unindexed: E[] = [];
  for (const element of byId.values()) {
    if (replaced.has(element.id)) continue;
    if (hasIndex(element)) toInsert.push(element);
    else unindexed.push(element);
  }
  toInsert.sort(compareByIndex);

  const out: E[] = [];
  let next = 0;
  for (const element of scene) {
    if (moved.has(element.id)) continue;
    const current = replaced.get(element.id) ?? element;
    if (hasIndex(current)) {
      // Everything that sorts before this element goes below it.
      while (next < toInsert.length && compareByIndex(toInsert[next] as E, current) < 0) {
        out.push(toInsert[next++] as E);
      }
    }
    out.push(current);
  }
  while (next < toInsert.length) out.push(toInsert[next++] as E);
  for (const element of unindexed) out.push(element);
  return out;
}
