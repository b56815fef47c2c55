import { create } from "zustand";

const OVERLAY_KEY = "archboard:lint-overlay";

/** Where stepping through a rule's elements stands. */
export interface StepCursor {
  readonly ruleId: string;
  /** Position in the group's `elementIds` (reading order). */
  readonly index: number;
}

interface LintPanelState {
  /** The rule whose group is open; one at a time keeps the panel on one screen. */
  openRule: string | null;
  cursor: StepCursor | null;
  /** Severity badges on the canvas; remembered per browser. Never part of an export. */
  overlay: boolean;
  /** Opens a rule's group, or closes it when it is already open. */
  toggleRule: (ruleId: string) => void;
  /** Opens a rule's group at one of its elements. */
  stepTo: (ruleId: string, index: number) => void;
  setOverlay: (on: boolean) => void;
  /** Forgets the open group and the step position (another board was opened). */
  reset: () => void;
}

const savedOverlay = () => {
  try {
    return localStorage.getItem(OVERLAY_KEY) === "on";
  } catch {
    return false;
  }
};

/** What the diagram check panel shows open, and whether the canvas overlay is on. */
export const useLintPanel = create<LintPanelState>()((set, get) => ({
  openRule: null,
  cursor: null,
  overlay: savedOverlay(),
  toggleRule: (ruleId) =>
    set(get().openRule === ruleId ? { openRule: null, cursor: null } : { openRule: ruleId, cursor: null }),
  stepTo: (ruleId, index) => set({ openRule: ruleId, cursor: { ruleId, index } }),
  setOverlay: (overlay) => {
    try {
      localStorage.setItem(OVERLAY_KEY, overlay ? "on" : "off");
    } catch {
      // Storage may be full or blocked; the toggle still works for this page.
    }
    set({ overlay });
  },
  reset: () => set({ openRule: null, cursor: null }),
}));

/** The next position when stepping by `delta` through `length` elements, wrapping around. */
export function stepIndex(current: number | null, delta: 1 | -1, length: number): number {
  if (length <= 0) return 0;
  if (current === null) return delta === 1 ? 0 : length - 1;
  return (((current + delta) % length) + length) % length;
}
