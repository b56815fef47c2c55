import { CaptureUpdateAction } from "@excalidraw/excalidraw";
import type { SceneAdapter } from "@archboard/board-sync";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFileData, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";

/**
 * Ids the local user is manipulating right now. While an element is being
 * typed into, drawn, dragged, resized or rotated, the local copy wins over a
 * remote one so the gesture is not yanked away mid-stroke.
 */
export function editingIds(api: ExcalidrawImperativeAPI): Set<string> {
  const s = api.getAppState();
  const ids = new Set<string>();
  if (s.editingTextElement) ids.add(s.editingTextElement.id);
  if (s.newElement) ids.add(s.newElement.id);
  if (s.resizingElement) ids.add(s.resizingElement.id);
  if (s.multiElement) ids.add(s.multiElement.id);
  if (s.editingLinearElement) ids.add(s.editingLinearElement.elementId);
  if (s.selectedElementsAreBeingDragged || s.isResizing || s.isRotating) {
    for (const [id, on] of Object.entries(s.selectedElementIds)) if (on) ids.add(id);
  }
  return ids;
}

/** The board-sync view of an Excalidraw editor. */
export function excalidrawScene(api: ExcalidrawImperativeAPI): SceneAdapter<ExcalidrawElement, BinaryFileData> {
  return {
    getElementsIncludingDeleted: () => api.getSceneElementsIncludingDeleted(),
    getEditingIds: () => editingIds(api),
    applyRemote: (elements) => api.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER }),
    addFiles: (files) => api.addFiles(files),
  };
}
