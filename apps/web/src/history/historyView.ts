/**
 * The read-only view of the board's past: which moment is asked for, which
 * past board is shown, and the one way to ask for a moment, `showAt`, shared
 * by the scrubber, named versions and playback controls. Rebuilding a moment
 * is off the input path: requests are coalesced to one per animation frame
 * and only the latest is rebuilt while another is under way, so dragging the
 * scrubber over a long history never queues up work.
 */
import { create } from "zustand";
import type { Activity, HistorySource, PastScene } from "./historySource.ts";

export interface HistoryViewState {
  /** The board's history, while a board page with one is open. */
  source: HistorySource | null;
  /** Times of the stored points, oldest first (see `refreshPoints`). */
  points: number[];
  /** Who made the changes, where known (see `HistorySource.activity`). */
  activity: Activity[];
  /** Why the history could not be read, in words for the user; null when it could. */
  error: string | null;
  /** The moment asked for (epoch ms); null while the live board is shown. */
  viewing: number | null;
  /** The past board shown for `viewing`, once rebuilt (it may lag a fast drag by a frame). */
  shown: PastScene | null;
  /** The moment `shown` was rebuilt for: equal to `viewing` once the view has caught up. */
  shownFor: number | null;
  /** Uses `source` for this board (null: none), leaving any past view. */
  attach: (source: HistorySource | null) => void;
  /** Reads the points again (after changes, or when the panel opens). */
  refreshPoints: () => Promise<void>;
  /**
   * Shows the board as it was at `at` in the read-only view. Resolves once that
   * moment (or a later request that replaced it) is on screen.
   */
  showAt: (at: number) => Promise<void>;
  /** Leaves the past view; the live board was never touched. */
  backToLive: () => void;
}

let frame: number | null = null;
let building = false;
let waiting: (() => void)[] = [];

const settle = () => {
  const done = waiting;
  waiting = [];
  for (const resolve of done) resolve();
};

/** The read-only past view's store; playback and other controls drive it through `showAt`. */
export const useHistoryView = create<HistoryViewState>()((set, get) => {
  /** Rebuilds the latest request; another request made meanwhile runs once this one is shown. */
  const build = async () => {
    frame = null;
    const { source, viewing } = get();
    if (!source || viewing === null) return settle();
    building = true;
    try {
      const scene = await source.sceneAt(viewing);
      if (get().source === source && get().viewing !== null) set({ shown: scene, shownFor: viewing, error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      building = false;
    }
    if (get().viewing !== null && get().viewing !== viewing) schedule();
    else settle();
  };
  const schedule = () => {
    if (frame !== null || building) return;
    frame = requestAnimationFrame(() => void build());
  };

  return {
    source: null,
    points: [],
    activity: [],
    error: null,
    viewing: null,
    shown: null,
    shownFor: null,
    attach: (source) => {
      get().source?.dispose();
      set({ source, points: [], activity: [], error: null, viewing: null, shown: null, shownFor: null });
      settle();
    },
    refreshPoints: async () => {
      const { source } = get();
      if (!source) return;
      try {
        const points = await source.loadPoints();
        if (get().source === source) set({ points, activity: source.activity(), error: null });
      } catch (err) {
        if (get().source === source) set({ error: err instanceof Error ? err.message : String(err) });
      }
    },
    showAt: (at) =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        set({ viewing: at });
        if (building) return; // the running build schedules the latest request when it ends
        schedule();
      }),
    backToLive: () => {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      set({ viewing: null, shown: null, shownFor: null });
      settle();
    },
  };
});

/** Shows the board at `at` in the read-only view (for controls outside the History panel). */
export const showBoardAt = (at: number): Promise<void> => useHistoryView.getState().showAt(at);

/** Leaves the read-only view. */
export const backToLive = (): void => useHistoryView.getState().backToLive();
