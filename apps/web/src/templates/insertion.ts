/**
 * Putting new content on the board: templates, diagrams converted from text and
 * building blocks. Everything lands in one `updateScene` with `IMMEDIATELY`, so one
 * Ctrl+Z takes it all back, and the binding syncs it like any other edit.
 */
import { CaptureUpdateAction, convertToExcalidrawElements, getCommonBounds } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { ExcalidrawImperativeAPI, NormalizedZoomValue } from "@excalidraw/excalidraw/types";
import { insertBuildingBlock, layoutTemplate, type Template } from "@archboard/templates";
import { centreBoundText, rerouteBetween } from "../placement/geometry.ts";
import { elementRect, intersects, union, type Rect } from "@archboard/scene";
import { findFreeSpot, occupiedRects } from "../placement/placement.ts";
import { viewFor, visibleCentre } from "../placement/viewport.ts";
import { loadFontsFor, measuredByExcalidraw, textSamples } from "../measure/realFont.ts";

function boundsOf(elements: readonly ExcalidrawElement[]): Rect {
  const [minX, minY, maxX, maxY] = getCommonBounds(elements);
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function translate(elements: readonly ExcalidrawElement[], dx: number, dy: number): ExcalidrawElement[] {
  if (dx === 0 && dy === 0) return [...elements];
  return elements.map((e) => ({ ...e, x: e.x + dx, y: e.y + dy }));
}

/**
 * Adds `fresh` (new elements, anywhere) at the viewport centre or the nearest clear
 * spot right/down of it, selects them and brings them into view. Returns what was added.
 */
export function insertAtFreeSpot(
  api: ExcalidrawImperativeAPI,
  fresh: readonly ExcalidrawElement[],
): ExcalidrawElement[] {
  if (fresh.length === 0) return [];
  const existing = api.getSceneElementsIncludingDeleted();
  const box = boundsOf(fresh);
  const at = findFreeSpot(box, occupiedRects(existing), visibleCentre(api.getAppState()));
  const added = translate(fresh, at.x - box.x, at.y - box.y);
  commit(api, [...existing, ...added], added);
  return added;
}

/** A template at the nearest clear spot to the viewport centre, with fresh ids. */
export async function insertTemplate(api: ExcalidrawImperativeAPI, template: Template): Promise<ExcalidrawElement[]> {
  const skeletons = layoutTemplate(template);
  await loadFontsFor(textSamples(skeletons));
  // Excalidraw measures and wraps the labels here, in the font that has just loaded.
  const fresh = convertToExcalidrawElements(skeletons, { regenerateIds: true });
  return insertAtFreeSpot(api, fresh);
}

/**
 * A building block next to `anchor` (a box on the board). If the block would cover
 * existing content, it moves right/down until clear and the arrows touching the anchor
 * are redrawn straight from the anchor's edge. The anchor is replaced in place by the
 * copy that lists the new arrows among its bound elements.
 */
export async function insertBlock(
  api: ExcalidrawImperativeAPI,
  template: Template,
  selected: ExcalidrawElement,
): Promise<ExcalidrawElement[]> {
  await loadFontsFor(textSamples(insertBuildingBlock(template, selected).elements));
  // The anchor as it is now: the board may have changed while the font loaded.
  const anchor = api.getSceneElements().find((e) => e.id === selected.id) ?? selected;
  const result = insertBuildingBlock(template, anchor);
  const existing = api.getSceneElementsIncludingDeleted();
  // Excalidraw measures the labels in the real font (the anchor goes along so the arrows'
  // bindings to it survive the repair pass).
  let added = measuredByExcalidraw([result.anchor, ...result.elements]).slice(1);
  const anchorParts = new Set([anchor.id, ...(anchor.boundElements ?? []).map((b) => b.id)]);
  const others = occupiedRects(existing.filter((e) => !anchorParts.has(e.id)));
  const solid = added.filter((e) => e.type !== "arrow" && !(e.type === "text" && isArrowLabel(e, added)));
  const area = union(solid.map(elementRect)) ?? result.bounds;
  if (others.some((r) => intersects(area, r, 20))) {
    const at = findFreeSpot(
      area,
      others,
      { x: area.x + area.width / 2, y: area.y + area.height / 2 },
      { margin: 20, step: 60 },
    );
    const dx = at.x - area.x,
      dy = at.y - area.y;
    const moved = centreBoundText(translate(added, dx, dy));
    const byId = new Map(moved.map((e) => [e.id, e]));
    byId.set(anchor.id, anchor);
    added = centreBoundText(moved.map((e) => (e.type === "arrow" ? rerouteBetween(e, byId) : e)));
  }
  // The package's anchor, not the restored copy: restoring without the anchor's own label drops that binding.
  const scene = existing.map((e) => (e.id === anchor.id ? result.anchor : e));
  commit(api, [...scene, ...added], added);
  return added;
}

function isArrowLabel(text: ExcalidrawElement, all: readonly ExcalidrawElement[]): boolean {
  const containerId = "containerId" in text ? text.containerId : null;
  return !!containerId && all.some((e) => e.id === containerId && e.type === "arrow");
}

/** One undoable step: the new scene, the added elements selected, and the view on them. */
function commit(
  api: ExcalidrawImperativeAPI,
  elements: readonly ExcalidrawElement[],
  added: readonly ExcalidrawElement[],
): void {
  const selectedElementIds: Record<string, true> = {};
  for (const e of added) if (!("containerId" in e && e.containerId)) selectedElementIds[e.id] = true;
  api.updateScene({
    elements,
    appState: { selectedElementIds, selectedGroupIds: {} },
    captureUpdate: CaptureUpdateAction.IMMEDIATELY,
  });
  // Scrolling is not an edit: it stays out of undo and out of the shared doc.
  const view = viewFor(api.getAppState(), boundsOf(added));
  if (view) {
    api.updateScene({
      appState: { scrollX: view.scrollX, scrollY: view.scrollY, zoom: { value: view.zoom as NormalizedZoomValue } },
      captureUpdate: CaptureUpdateAction.NEVER,
    });
  }
}
