import { create } from "zustand";
import { lint, type Finding, type LintConfig, type SceneElement } from "@archboard/diagram-lint";
import { markChecked, markLintStarted } from "./panelTiming.ts";

/** Findings are recomputed this long after the last change, so strokes never wait on lint. */
export const LINT_DEBOUNCE_MS = 250;

interface LintState {
  findings: Finding[];
  config: LintConfig;
  /** Elements of the finding under the pointer, outlined on the canvas. */
  hoveredIds: readonly string[];
  /** Milliseconds the last run took (shown in the panel footer). */
  lastRunMs: number;
  /** How many findings the board had when it was opened (the first run), for the progress line. */
  openedWith: number | null;
  tab: "findings" | "settings";
  setHovered: (ids: readonly string[]) => void;
  setTab: (tab: LintState["tab"]) => void;
  /** Lints now (after settings change) or soon (after an edit). */
  run: (elements: readonly SceneElement[], config?: LintConfig) => void;
  schedule: (elements: readonly SceneElement[]) => void;
  reset: () => void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let pending: readonly SceneElement[] = [];

/** Live lint results of the open board. */
export const useLint = create<LintState>()((set, get) => ({
  findings: [],
  config: {},
  hoveredIds: [],
  lastRunMs: 0,
  openedWith: null,
  tab: "findings",
  setHovered: (hoveredIds) => set({ hoveredIds }),
  setTab: (tab) => set({ tab }),
  run: (elements, config = get().config) => {
    clearTimeout(timer);
    pending = elements;
    markLintStarted();
    const started = performance.now();
    const findings = lint(elements, config);
    const lastRunMs = performance.now() - started;
    markChecked();
    set({ findings, config, lastRunMs, openedWith: get().openedWith ?? findings.length });
  },
  schedule: (elements) => {
    pending = elements;
    clearTimeout(timer);
    timer = setTimeout(() => get().run(pending), LINT_DEBOUNCE_MS);
  },
  reset: () => {
    clearTimeout(timer);
    pending = [];
    set({ findings: [], config: {}, hoveredIds: [], lastRunMs: 0, openedWith: null });
  },
}));

/** Re-runs with the latest elements and a new config (settings edited here or remotely). */
export function relintWithConfig(config: LintConfig) {
  useLint.getState().run(pending, config);
}
