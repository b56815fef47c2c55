import { useEffect } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import type { SceneElement } from "@archboard/diagram-lint";
import { observeLintConfig, readLintConfig } from "./lintSettings.ts";
import { useLintPanel } from "./lintPanelStore.ts";
import { relintWithConfig, useLint } from "./lintStore.ts";

/**
 * Keeps the open board linted: once when it is ready, again whenever its rule
 * settings change, and (through the returned `onEdit`) soon after every edit.
 */
export function useBoardLint(api: ExcalidrawImperativeAPI | null, doc: Y.Doc) {
  useEffect(() => {
    if (!api) return;
    useLint.getState().run(api.getSceneElements(), readLintConfig(doc));
    const stop = observeLintConfig(doc, relintWithConfig);
    return () => {
      stop();
      useLint.getState().reset();
      useLintPanel.getState().reset();
    };
  }, [api, doc]);

  return { onEdit: (elements: readonly SceneElement[]) => useLint.getState().schedule(elements) };
}
