import { useEffect, useState } from "react";
import { sceneCoordsToViewportCoords } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { useLint } from "./lintStore.ts";

const PAD = 6;

/** Outlines, on the canvas, the elements of the finding under the pointer. */
export function LintHighlight({ api }: { api: ExcalidrawImperativeAPI }) {
  const hovered = useLint((s) => s.hoveredIds);
  // While something is outlined, follow the view: stepping scrolls and zooms under the pointer.
  const [, setView] = useState(0);
  useEffect(() => (hovered.length === 0 ? undefined : api.onScrollChange(() => setView((n) => n + 1))), [api, hovered]);
  if (hovered.length === 0) return null;
  const appState = api.getAppState();
  const ids = new Set(hovered);
  const boxes = api
    .getSceneElements()
    .filter((e) => ids.has(e.id))
    .map((e) => {
      const xs = e.type === "arrow" || e.type === "line" ? e.points.map((p) => e.x + p[0]) : [e.x, e.x + e.width];
      const ys = e.type === "arrow" || e.type === "line" ? e.points.map((p) => e.y + p[1]) : [e.y, e.y + e.height];
      const a = sceneCoordsToViewportCoords({ sceneX: Math.min(...xs), sceneY: Math.min(...ys) }, appState);
      const b = sceneCoordsToViewportCoords({ sceneX: Math.max(...xs), sceneY: Math.max(...ys) }, appState);
      return { id: e.id, left: a.x - PAD, top: a.y - PAD, width: b.x - a.x + 2 * PAD, height: b.y - a.y + 2 * PAD };
    });
  return (
    <div className="ab-lint-highlight" aria-hidden>
      {boxes.map((b) => (
        <div key={b.id} style={{ left: b.left, top: b.top, width: b.width, height: b.height }} />
      ))}
    </div>
  );
}
