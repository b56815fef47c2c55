/**
 * The part of the canvas the user actually sees. Excalidraw's `appState.width` spans
 * the whole editor, but a docked sidebar (the diagram check, the library) covers its
 * right side, the toolbar its top and the footer its bottom; content placed or
 * scrolled to by width alone ends up half hidden.
 */
import type { AppState } from "@excalidraw/excalidraw/types";
import type { Point, Rect } from "@archboard/scene";

type View = Pick<AppState, "width" | "height" | "scrollX" | "scrollY" | "zoom">;

/** Toolbar and footer heights, in screen px. */
const TOP = 72,
  BOTTOM = 72;
/** The style panel shown on the left while something is selected. */
const STYLE_PANEL = 230;

/** Screen x where the sidebar starts, relative to the editor; the editor's width when none is open. */
export function sidebarLeft(view: Pick<AppState, "width">): number {
  if (typeof document === "undefined") return view.width;
  const editor = document.querySelector(".excalidraw")?.getBoundingClientRect();
  const sidebar = document.querySelector(".excalidraw .sidebar")?.getBoundingClientRect();
  if (!editor || !sidebar || sidebar.width === 0) return view.width;
  return Math.max(view.width / 3, Math.min(view.width, sidebar.left - editor.left));
}

/** The visible canvas in screen px; `withStylePanel` also leaves room for the style panel. */
export function visibleArea(view: View, withStylePanel = false): Rect {
  const left = withStylePanel && view.width > 900 ? STYLE_PANEL : 0;
  const right = sidebarLeft(view);
  return { x: left, y: TOP, width: Math.max(200, right - left), height: Math.max(200, view.height - TOP - BOTTOM) };
}

/** Scene coordinates of the centre of what the user sees. */
export function visibleCentre(view: View): Point {
  const a = visibleArea(view),
    z = view.zoom.value;
  return { x: (a.x + a.width / 2) / z - view.scrollX, y: (a.y + a.height / 2) / z - view.scrollY };
}

/**
 * Scroll and zoom that show `content` (scene rect) in the visible area, zooming out
 * only if needed; null when it is already in full view.
 */
export function viewFor(view: View, content: Rect): { scrollX: number; scrollY: number; zoom: number } | null {
  const a = visibleArea(view, true),
    z = view.zoom.value;
  const sx = (content.x + view.scrollX) * z,
    sy = (content.y + view.scrollY) * z;
  const inView =
    sx >= a.x && sy >= a.y && sx + content.width * z <= a.x + a.width && sy + content.height * z <= a.y + a.height;
  if (inView) return null;
  const fit = Math.min(z, (a.width * 0.92) / content.width, (a.height * 0.92) / content.height);
  const zoom = Math.max(0.1, Math.floor(fit * 100) / 100);
  return {
    zoom,
    scrollX: (a.x + a.width / 2) / zoom - (content.x + content.width / 2),
    scrollY: (a.y + a.height / 2) / zoom - (content.y + content.height / 2),
  };
}
