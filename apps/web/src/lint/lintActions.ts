import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { applyFix, mergeElements, type Finding } from "@archboard/diagram-lint";
import { bumped } from "@archboard/scene";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { loadFontsFor, measuredByExcalidraw, textSamples } from "../measure/realFont.ts";

/** Where a rule's docs page is served. */
export const ruleDocsUrl = (ruleId: string) => `/rules/${ruleId}.html`;

/** Selects a finding's elements and brings them into view. */
export function focusFinding(api: ExcalidrawImperativeAPI, finding: Finding) {
  const ids = new Set(finding.elementIds);
  const elements = api.getSceneElements().filter((e) => ids.has(e.id));
  if (elements.length === 0) return;
  // A label is selected through its box, as a click on the canvas would.
  const selectable = elements.map((e) =>
    "containerId" in e && e.containerId ? (api.getSceneElements().find((c) => c.id === e.containerId) ?? e) : e,
  );
  api.updateScene({
    appState: { selectedElementIds: Object.fromEntries(selectable.map((e) => [e.id, true])) },
    captureUpdate: CaptureUpdateAction.NEVER,
  });
  api.scrollToContent(elements, { fitToContent: true, animate: true, duration: 300 });
}

/**
 * Applies a finding's suggestion as one undoable step, its labels measured by
 * Excalidraw in the real font. Resolves to false when the board has moved on and the
 * suggestion no longer applies.
 */
export async function applySuggestion(api: ExcalidrawImperativeAPI, finding: Finding, index: number): Promise<boolean> {
  const draft = applyFix(api.getSceneElementsIncludingDeleted(), finding, index).elements;
  if (draft.length === 0) return false;
  await loadFontsFor(textSamples(draft));
  // The board may have changed while the font loaded: the fix is made again on what is there now.
  const scene = api.getSceneElementsIncludingDeleted();
  const { elements } = applyFix(scene, finding, index);
  if (elements.length === 0) return false;
  api.updateScene({
    elements: mergeElements(scene, measuredByExcalidraw(elements as unknown as ExcalidrawElement[])),
    captureUpdate: CaptureUpdateAction.IMMEDIATELY,
  });
  return true;
}

/**
 * "Ignore for this element": records the rule in each element's
 * `customData.lint.disable`, as one undoable edit that syncs like any other.
 */
export function ignoreRuleFor(api: ExcalidrawImperativeAPI, finding: Finding) {
  const ids = new Set(finding.elementIds);
  if (ids.size === 0) return;
  const scene = api.getSceneElementsIncludingDeleted();
  const next = scene.map((e) => {
    if (!ids.has(e.id)) return e;
    const lintData = (e.customData?.lint ?? {}) as { disable?: unknown };
    const disabled = Array.isArray(lintData.disable)
      ? lintData.disable.filter((x): x is string => typeof x === "string")
      : [];
    if (disabled.includes(finding.ruleId)) return e;
    return bumped(e, {
      customData: { ...e.customData, lint: { ...lintData, disable: [...disabled, finding.ruleId] } },
    });
  });
  api.updateScene({ elements: next, captureUpdate: CaptureUpdateAction.IMMEDIATELY });
}
