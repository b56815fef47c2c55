/**
 * Performance-API marks that time the panel against the check: a lint run, how long
 * after it finishes the panel's DOM is up to date, and when the next frame starts.
 * Benchmarks and the browser's performance tools read them (the marks also carry the
 * main thread's CPU time in a trace); the app itself never does. Only the latest of
 * each is kept, so they never pile up.
 */

/** A lint run starts. */
export const LINT_STARTED = "archboard:lint-started";
/** A lint run has its findings. */
export const CHECKED_MARK = "archboard:lint-checked";
/** The panel has committed the findings of the latest run to the DOM. */
export const PANEL_COMMITTED = "archboard:lint-panel-committed";
/** Lint run: started → checked (the panel footer's figure). */
export const LINT_RUN = "archboard:lint-run";
/** Check finished → panel committed to the DOM. */
export const PANEL_SHOWN = "archboard:lint-panel-shown";
/** Check finished → the next animation frame begins (the update is on screen by its paint). */
export const PANEL_FRAME = "archboard:lint-panel-frame";

const supported = typeof performance !== "undefined" && typeof performance.mark === "function";

function mark(name: string) {
  performance.clearMarks(name);
  performance.mark(name);
}

function measure(name: string, from: string) {
  if (performance.getEntriesByName(from, "mark").length === 0) return;
  performance.clearMeasures(name);
  performance.measure(name, from);
}

/** Marks the start of a lint run. */
export function markLintStarted() {
  if (supported) mark(LINT_STARTED);
}

/** Marks the end of a lint run and measures it. */
export function markChecked() {
  if (!supported) return;
  measure(LINT_RUN, LINT_STARTED);
  mark(CHECKED_MARK);
}

/** Marks the panel's commit, measures it from the latest check, then measures to the next frame. */
export function measurePanelShown() {
  if (!supported) return;
  mark(PANEL_COMMITTED);
  measure(PANEL_SHOWN, CHECKED_MARK);
  requestAnimationFrame(() => measure(PANEL_FRAME, CHECKED_MARK));
}
