import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { sidebarLeft } from "../placement/viewport.ts";

/** Toolbar and footer heights, in screen px: content scrolled to should clear them. */
const TOOLBAR = 72,
  FOOTER = 72;

/**
 * Selects elements (a bound label through its box, as a click would) and brings them
 * to the middle of the visible canvas, beside the docked panel, zoomed so they take at
 * most half the view and never beyond 100 %. Selection stays out of undo history.
 * Returns false when none of them is left.
 */
export function showElements(
  api: ExcalidrawImperativeAPI,
  ids: readonly string[],
  opts: { zoom?: boolean } = {},
): boolean {
  const scene = api.getSceneElements();
  const byId = new Map(scene.map((e) => [e.id, e]));
  const elements = ids.flatMap((id) => byId.get(id) ?? []);
  if (elements.length === 0) return false;
  const selected: Record<string, true> = {};
  for (const e of elements) {
    const containerId = "containerId" in e ? e.containerId : null;
    selected[(containerId && byId.get(containerId)?.id) || e.id] = true;
  }
  api.updateScene({ appState: { selectedElementIds: selected }, captureUpdate: CaptureUpdateAction.NEVER });
  if (opts.zoom === false) return true;
  const state = api.getAppState();
  api.scrollToContent(elements, {
    fitToContent: true,
    viewportZoomFactor: 0.5,
    canvasOffsets: { top: TOOLBAR, bottom: FOOTER, left: 0, right: state.width - sidebarLeft(state) },
    animate: true,
    duration: 250,
  });
  return true;
}
