import type { DocId, RoomStore } from "../store/store.ts";

/** The longest pause between two attempts (ms). */
const MAX_PAUSE_MS = 2000;

/**
 * Appends `update`, retrying for up to `retryMs` when the store fails (a
 * database restarting, a network blip): 100 ms after the first failure,
 * doubling up to 2 s. Rejects with the last error once the time is up; with
 * `retryMs` 0, on the first failure. `onFailure` hears about every failed
 * attempt. A retried row may be stored twice; Yjs integrates it once.
 */
export async function appendDurably(
  store: RoomStore,
  doc: DocId,
  update: Uint8Array,
  retryMs: number,
  onFailure: (err: unknown) => void = () => undefined,
): Promise<void> {
  const deadline = Date.now() + retryMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      await store.append(doc, update);
      return;
    } catch (err) {
      onFailure(err);
      if (Date.now() + pause > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
