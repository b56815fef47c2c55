/**
 * Records a board's history as it is edited: every change to the doc (the
 * user's, a partner's, an import's) is appended with its time, a checkpoint of
 * the whole board is written every few hundred changes so any moment rebuilds
 * quickly, and aged history is thinned at each checkpoint, as on the server.
 */
import {
  DEFAULT_THINNING,
  nextEntryTime,
  applyThinning,
  planThinningRead,
  type ThinningPolicy,
} from "@archboard/board-sync/history";
import * as Y from "yjs";
import { TAB_SYNC_ORIGIN } from "../board-list/tabSync.ts";
import type { AttributedEntry, HistoryDb } from "./historyDb.ts";

export interface RecordOptions {
  /** Changes between checkpoints (the server compacts every 500 too). */
  checkpointEvery?: number;
  policy?: ThinningPolicy;
  /** The clock; tests move it. */
  now?: () => number;
  /**
   * A Web Lock name shared by every tab of this board. Where the browser has
   * Web Locks, only the tab holding it records, and it records every change
   * its doc receives, whatever the origin: the other tabs' own edits reach it
   * through tab sync, a partner's through the server, and a change that
   * arrives both ways makes one doc update. Without it (or without Web
   * Locks) every tab records its own edits and the server's, and leaves tab
   * sync's relays to the tab they came from; two tabs of one shared room then
   * both record a partner's changes.
   */
  lockName?: string;
}

/** A running recorder: `flush` waits for what is queued; `stop` flushes and stops listening. */
export interface HistoryRecorder {
  flush: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Starts recording `doc` into `db`. A board that has content but no history
 * yet (made before history was kept) starts with a checkpoint of what it is.
 * With `lockName`, one tab of the board records for all (see {@link RecordOptions.lockName}).
 */
export function recordHistory(doc: Y.Doc, db: HistoryDb, options: RecordOptions = {}): HistoryRecorder {
  const every = options.checkpointEvery ?? 500;
  const policy = options.policy ?? DEFAULT_THINNING;
  const now = options.now ?? Date.now;
  const locks = options.lockName && typeof navigator !== "undefined" ? navigator.locks : undefined;
  let lastAt = 0;
  let sinceCheckpoint = 0;
  /** Whether this tab records: always without a lock, else once it holds it. */
  let recording = !locks;
  let queue: AttributedEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  const stamp = () => (lastAt = nextEntryTime(lastAt, now()));
  const write = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    writing = writing
      .then(async () => {
        await db.append(batch);
        if (batch.some((e) => e.kind === "checkpoint")) await thin(db, now(), policy);
      })
      .catch((err: unknown) => console.warn("Board history could not be saved:", err));
    return writing;
  };
  const push = (entry: AttributedEntry) => {
    queue.push(entry);
    if (!scheduled) {
      scheduled = true;
      // One transaction for a burst of changes (a drag sends one per frame).
      setTimeout(() => void write(), 0);
    }
  };
  const checkpoint = () => {
    sinceCheckpoint = 0;
    push({ at: stamp(), kind: "checkpoint", bytes: Y.encodeStateAsUpdate(doc) });
  };

  /** Picks up from what is stored (another tab may have recorded since this one opened). */
  const begin = () => {
    const points = db.points();
    lastAt = points.at(-1)?.at ?? 0;
    sinceCheckpoint = points.length - 1 - points.findLastIndex((p) => p.kind === "checkpoint");
    if (points.length === 0 && doc.store.clients.size > 0) checkpoint();
  };
  const onUpdate = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (!recording || (!locks && origin === TAB_SYNC_ORIGIN)) return;
    // Who drew it: this tab's own change, else the clients whose changes the update carries.
    const clients = tr.local ? [doc.clientID] : [...Y.parseUpdateMeta(update).from.keys()];
    push({ at: stamp(), kind: "update", bytes: update, clients });
    if (++sinceCheckpoint >= every) checkpoint();
  };
  doc.on("update", onUpdate);

  let stopped = false;
  let release = () => {};
  if (locks && options.lockName) {
    const held = new Promise<void>((resolve) => (release = resolve));
    void locks
      .request(options.lockName, async () => {
        if (stopped) return;
        // The tab that held the lock before may have written since this one opened.
        await db.refresh();
        recording = true;
        begin();
        await held;
      })
      .catch((err: unknown) => console.warn("Board history could not take its lock:", err));
  } else {
    begin();
  }

  const flush = async () => {
    if (scheduled) await write();
    await writing;
  };
  return {
    flush,
    stop: async () => {
      stopped = true;
      doc.off("update", onUpdate);
      await flush();
      recording = false;
      release();
    },
  };
}

/** Thins the stored history at `now`, reading only what the plan needs. */
async function thin(db: HistoryDb, now: number, policy: ThinningPolicy): Promise<void> {
  await db.refresh();
  const points = db.points();
  const plan = planThinningRead(points, now, policy);
  if (!plan) return;
  const read = await db.read(plan.readFrom, plan.readTo);
  const thinned = applyThinning(
    points,
    plan,
    read.map((e) => e.bytes),
  );
  await db.replace(thinned.map((e) => ({ from: e.from, to: e.to, entry: e })));
}
