import { useEffect } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import { observeLintConfig, readLintConfig } from "./lintSettings.ts";
import { relintWithConfig, useLint } from "./lintStore.ts";

/** Lints the open board once it is ready, and again whenever its rule settings change. */
export function useBoardLint(api: ExcalidrawImperativeAPI | null, doc: Y.Doc) {
  useEffect(() => {
    if (!api) return;
    useLint.getState().run(api.getSceneElements(), readLintConfig(doc));
    const stop = observeLintConfig(doc, relintWithConfig);
    return () => {
      stop();
      useLint.getState().reset();
    };
  }, [api, doc]);
}
