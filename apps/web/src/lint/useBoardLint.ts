import { useEffect } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import type { SceneElement } from "@archboard/diagram-lint";
import type { LintConfig } from "@archboard/diagram-lint";
import { boardEstimate, observeEstimate } from "../estimates/estimatesDoc.ts";
import { observeLintConfig, readLintConfig } from "./lintSettings.ts";
import { useLintPanel } from "./lintPanelStore.ts";
import { relintWithConfig, useLint } from "./lintStore.ts";

/** The board's lint config: its rule settings and its estimate (SD019–SD021 hold the diagram to it). */
function boardLintConfig(doc: Y.Doc): LintConfig {
  return { ...readLintConfig(doc), estimate: boardEstimate(doc) };
}

/**
 * Keeps the open board linted: once when it is ready, again whenever its rule
 * settings or its estimate change, and (through the returned `onEdit`) soon after every edit.
 */
export function useBoardLint(api: ExcalidrawImperativeAPI | null, doc: Y.Doc) {
  useEffect(() => {
    if (!api) return;
    useLint.getState().run(api.getSceneElements(), boardLintConfig(doc));
    const relint = () => relintWithConfig(boardLintConfig(doc));
    const stopSettings = observeLintConfig(doc, relint);
    const stopEstimate = observeEstimate(doc, relint);
    return () => {
      stopSettings();
      stopEstimate();
      useLint.getState().reset();
      useLintPanel.getState().reset();
    };
  }, [api, doc]);

  return { onEdit: (elements: readonly SceneElement[]) => useLint.getState().schedule(elements) };
}
