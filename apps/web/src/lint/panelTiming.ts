/**
 * Performance-API marks that time the panel against the check: how long after a lint
 * run finishes the panel's DOM is up to date, and when the next frame starts. Benchmarks
 * and the browser's performance tools read them; the app itself never does.
 */

/** Set when a lint run has its findings. */
export const CHECKED_MARK = "archboard:lint-checked";
/** Check finished → panel committed to the DOM. */
export const PANEL_SHOWN = "archboard:lint-panel-shown";
/** Check finished → the next animation frame begins (the update is on screen by its paint). */
export const PANEL_FRAME = "archboard:lint-panel-frame";

const supported = typeof performance !== "undefined" && typeof performance.mark === "function";

/** Marks the end of a lint run; only the latest mark is kept. */
export function markChecked() {
  if (!supported) return;
  performance.clearMarks(CHECKED_MARK);
  performance.mark(CHECKED_MARK);
}

/** Measures from the latest check to now (the panel's commit) and to the next frame. */
export function measurePanelShown() {
  if (!supported || performance.getEntriesByName(CHECKED_MARK, "mark").length === 0) return;
  performance.clearMeasures(PANEL_SHOWN);
  performance.measure(PANEL_SHOWN, CHECKED_MARK);
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(CHECKED_MARK, "mark").length === 0) return;
    performance.clearMeasures(PANEL_FRAME);
    performance.measure(PANEL_FRAME, CHECKED_MARK);
  });
}
