/**
 * A board's history: checkpoints and timestamped updates, thinned as they
 * age, rebuilt at any moment, and restored as one change. Pure Yjs, shared by
 * the server's store and the browser's.
 */
export {
  applyAll,
  docAt,
  mergeToState,
  nextEntryTime,
  rebuildRange,
  stateAt,
  type HistoryEntry,
  type HistoryPoint,
} from "./timeline.ts";
export {
  applyThinning,
  DEFAULT_THINNING,
  needsThinning,
  planThinning,
  planThinningRead,
  thinHistory,
  thinningPolicy,
  type ThinnedEntry,
  type ThinningPlan,
  type ThinningPolicy,
  type ThinningRun,
} from "./thinning.ts";
export { restoreChanges, restoreDoc } from "./restore.ts";
