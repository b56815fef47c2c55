import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { sidebarLeft } from "../placement/viewport.ts";

/** Toolbar and footer heights, in screen px: content scrolled to should clear them. */
const TOOLBAR = 72, FOOTER = 72;

/**
 * Selects one element (a bound label through its box, as a click would) and brings
 * it to the middle of the visible canvas, beside the docked panel, zoomed so it takes
 * at most half the view and never beyond 100 %. Selection stays out of undo history.
 * Returns false when the element is gone.
 */
export function showElement(api: ExcalidrawImperativeAPI, id: string, opts: { zoom?: boolean } = {}): boolean {
  const scene = api.getSceneElements();
  const element = scene.find((e) => e.id === id);
  if (!element) return false;
  const containerId = "containerId" in element ? element.containerId : null;
  const selectable = (containerId && scene.find((e) => e.id === containerId)) || element;
  api.updateScene({
    appState: { selectedElementIds: { [selectable.id]: true } },
    captureUpdate: CaptureUpdateAction.NEVER,
  });
  if (opts.zoom === false) return true;
  const state = api.getAppState();
  api.scrollToContent(element, {
    fitToContent: true,
    viewportZoomFactor: 0.5,
    canvasOffsets: { top: TOOLBAR, bottom: FOOTER, left: 0, right: state.width - sidebarLeft(state) },
    animate: true,
    duration: 250,
  });
  return true;
}
