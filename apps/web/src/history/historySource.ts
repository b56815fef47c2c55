/**
 * Where the History panel reads a board's past from: the browser's own
 * history database for a board on this device, the server's history endpoint
 * (with the room's token) for a shared room, whose server holds every
 * participant's changes, including those made while this browser was away.
 */
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFileData, BinaryFiles } from "@excalidraw/excalidraw/types";
import { readScene } from "@archboard/board-sync";
import { applyAll, rebuildRange, type HistoryPoint } from "@archboard/board-sync/history";
import type { RoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { z } from "zod";
import { useServerTime } from "../interview/serverTime.ts";
import type { HistoryDb } from "./historyDb.ts";

/** The board as it was at one moment: what the read-only view shows and the actions use. */
export interface PastScene {
  /** The time of the last change it includes (epoch ms; server time for a room). */
  readonly at: number;
  /** Every element, deleted ones included (a restore needs them), ordered by index. */
  readonly elements: readonly ExcalidrawElement[];
  readonly files: BinaryFiles;
}

/** A change's time and the Yjs client ids who made it (empty when not known). */
export interface Activity {
  at: number;
  clients: readonly number[];
}

/** A board's stored history, read for the timeline and rebuilt at any of its points. */
export interface HistorySource {
  /** `local`: this browser's history database; `room`: the server's. */
  readonly kind: "local" | "room";
  /** The stored points' times, oldest first, read again from the store. */
  loadPoints: () => Promise<number[]>;
  /** The board as it was at `at` (the last point stored by then). */
  sceneAt: (at: number) => Promise<PastScene>;
  /**
   * Who made the changes, where known: this browser's record of the board
   * (in a room, of what it saw while open), as of the last `loadPoints`.
   */
  activity: () => Activity[];
  /** Lets go of caches. */
  dispose: () => void;
}

/** Sets `key` as the most recently used entry of `map`, dropping the least recently used past `max`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
  return value;
}

/** The scene a rebuilt document holds. */
export function sceneOf(doc: Y.Doc, at: number): PastScene {
  const { elements, files } = readScene<ExcalidrawElement, BinaryFileData>(doc);
  return { at, elements, files };
}

/**
 * The browser's history of a board. Scrubbing forward applies only the entries
 * between the last moment shown and the next; scrubbing back starts again from
 * the nearest checkpoint, whose entries are kept in memory for the few
 * segments looked at last, so dragging back and forth reads IndexedDB once;
 * the last moments shown are kept whole, so going back over them is free.
 */
export function localHistorySource(db: HistoryDb): HistorySource {
  let doc: Y.Doc | null = null;
  /** The document holds entries `[0, applied)` of the history as of the checkpoint it started from. */
  let applied = 0;
  const segments = new Map<number, Uint8Array[]>();
  const SEGMENTS_KEPT = 4;
  /** The last moments shown, by entry count: dragging back over them rebuilds nothing. */
  const scenes = new Map<number, PastScene>();
  const SCENES_KEPT = 48;

  const segment = async (from: number, to: number): Promise<Uint8Array[]> => {
    const cached = segments.get(from);
    if (cached && cached.length >= to - from)
      return remember(segments, from, cached, SEGMENTS_KEPT).slice(0, to - from);
    return remember(
      segments,
      from,
      (await db.read(from, to)).map((e) => e.bytes),
      SEGMENTS_KEPT,
    );
  };

  return {
    kind: "local",
    async loadPoints() {
      const before = db.points();
      await db.refresh();
      const after = db.points();
      // New changes only append (what is cached by position stays true); a thinning replaces
      // entries, and then positions held in the caches mean other things.
      if (before.some((p, i) => after[i]?.at !== p.at || after[i]?.kind !== p.kind)) {
        doc?.destroy();
        doc = null;
        segments.clear();
        scenes.clear();
      }
      return after.map((p) => p.at);
    },
    async sceneAt(at) {
      const points: HistoryPoint[] = db.points();
      const { from, to } = rebuildRange(points, at);
      const kept = scenes.get(to);
      if (kept) return kept;
      const lastAt = points[to - 1]?.at ?? at;
      // Forward from what is shown when that is closer than the checkpoint (state only grows along a history).
      if (doc && applied <= to && to - applied <= to - from) {
        applyAll(
          doc,
          (await db.read(applied, to)).map((e) => e.bytes),
        );
      } else {
        doc?.destroy();
        doc = new Y.Doc();
        applyAll(doc, await segment(from, to));
      }
      applied = to;
      return remember(scenes, to, sceneOf(doc, lastAt), SCENES_KEPT);
    },
    activity: () => db.activity(),
    dispose() {
      doc?.destroy();
      doc = null;
      segments.clear();
      scenes.clear();
    },
  };
}

const PointsSchema = z.object({ points: z.array(z.number()) });
const ErrorSchema = z.object({ error: z.string() });

/** The sentence a refused history request carries, or one naming its status. */
async function refusal(response: Response): Promise<Error> {
  const parsed = ErrorSchema.safeParse(await response.json().catch(() => null));
  return new Error(parsed.success ? parsed.data.error : `The history could not be read (HTTP ${response.status}).`);
}

/**
 * A shared room's history, read from the server with the room's token (the
 * sync endpoint's role rules apply). Each moment is one request answering the
 * whole board then; the last few answers are kept, so going back and forth
 * over the same stretch asks the server once. Who drew comes from `local`,
 * this browser's own record of the room.
 */
export function roomHistorySource(
  roomId: RoomId,
  token: string | undefined,
  local: HistoryDb | null,
  origin = "",
): HistorySource {
  const query = token ? `?token=${encodeURIComponent(token)}` : "";
  const base = `${origin}/api/rooms/${roomId}/history`;
  const cache = new Map<number, PastScene>();
  const KEPT = 32;
  let points: number[] = [];

  return {
    kind: "room",
    async loadPoints() {
      const response = await fetch(`${base}${query}`, { cache: "no-store" });
      if (!response.ok) throw await refusal(response);
      points = PointsSchema.parse(await response.json()).points;
      return points;
    },
    async sceneAt(at) {
      const cached = cache.get(at);
      if (cached) return cached;
      const response = await fetch(`${base}/${Math.floor(at)}${query}`, { cache: "no-store" });
      if (!response.ok) throw await refusal(response);
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
        return remember(cache, at, sceneOf(doc, Number(response.headers.get("X-History-At")) || at), KEPT);
      } finally {
        doc.destroy();
      }
    },
    // The server does not keep who made a change; this browser's record of the room does.
    // (Its times are this device's clock; moved onto the server's, as the room's history is.)
    activity: () => {
      const offset = useServerTime.getState().offsetMs;
      return (local?.activity() ?? []).map((a) => ({ at: a.at + offset, clients: a.clients }));
    },
    dispose() {
      cache.clear();
    },
  };
}
