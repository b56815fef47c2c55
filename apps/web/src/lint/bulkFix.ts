import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding } from "@archboard/diagram-lint";
import { toast } from "../ui/toastStore.ts";
import type { RuleGroup } from "./ruleGroups.ts";
import { applyFixes } from "./applyFixes.ts";

/**
 * Applies the fixes of many findings as ONE undoable step: a single `updateScene`
 * captured immediately, so one Ctrl+Z takes all of them back. Returns how many applied.
 */
export function applyBulkFix(api: ExcalidrawImperativeAPI, findings: readonly Finding[]): number {
  const { scene, applied } = applyFixes(api.getSceneElementsIncludingDeleted(), findings);
  if (applied === 0) return 0;
  api.updateScene({ elements: scene, captureUpdate: CaptureUpdateAction.IMMEDIATELY });
  return applied;
}

/** Applies a group's fixes in one undoable step and says what happened. */
export function runBulkFix(api: ExcalidrawImperativeAPI, group: RuleGroup) {
  if (!group.bulkFix) return;
  const applied = applyBulkFix(api, group.bulkFix.findings);
  if (applied === 0) toast("Those fixes no longer apply: the board changed.", "error");
  else toast(`Done: ${group.bulkFix.title.toLowerCase()}. Ctrl+Z takes it back.`);
}
