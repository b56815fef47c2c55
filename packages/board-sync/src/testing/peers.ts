/**
 * Doc plumbing for tests: exchanging Yjs state between peers the way a provider
 * would, with the origin a provider would use (anything but LOCAL_ORIGIN).
 */
import * as Y from "yjs";

/** Origin tag for updates applied as if they came from the network. */
export const NETWORK_ORIGIN = Object.freeze({ name: "test-network" });

/**
 * Full state exchange between all docs until nothing changes any more: bindings
 * may write back while receiving, which needs another round.
 */
export function syncAll(docs: readonly Y.Doc[], maxRounds = 20): void {
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const from of docs) {
      for (const to of docs) {
        if (from === to) continue;
        const diff = Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));
        const before = Y.encodeStateVector(to);
        Y.applyUpdate(to, diff, NETWORK_ORIGIN);
        if (!equalBytes(before, Y.encodeStateVector(to))) changed = true;
      }
    }
    if (!changed) return;
  }
  throw new Error(`docs still changing after ${maxRounds} rounds`);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Records every update a doc emits, for delivery later in any order. */
export function captureUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  return updates;
}
