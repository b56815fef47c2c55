/**
 * What the template controls need to know about the board, read through Excalidraw's
 * change subscription rather than the page's `onChange`, and only re-rendered when it
 * changes: whether the board is empty, whether a drawing tool is in use, and the
 * component a building block could be anchored on.
 */
import { useEffect } from "react";
import { create } from "zustand";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Kind } from "@archboard/scene";
import { selectedAnchor } from "../placement/blockAnchor.ts";

export interface BoardSelection {
  /** No live elements on the board. */
  readonly empty: boolean;
  /** The selection tool (or hand) is active: nothing is being drawn. */
  readonly idle: boolean;
  readonly anchor: { readonly element: ExcalidrawElement; readonly kind: Kind } | null;
  /** The user may change the board (not in view mode, e.g. as an observer). */
  readonly editable: boolean;
  /** The open sidebar, if any: it narrows the visible canvas. */
  readonly sidebar: string | null;
}

const INITIAL: BoardSelection = { empty: false, idle: true, anchor: null, editable: true, sidebar: null };

function read(
  elements: readonly ExcalidrawElement[],
  appState: AppState,
  previous: BoardSelection,
  lastSelection: { ids: unknown },
): BoardSelection {
  const empty = !elements.some((e) => !e.isDeleted);
  const idle =
    (appState.activeTool.type === "selection" || appState.activeTool.type === "hand") &&
    !appState.newElement &&
    !appState.editingTextElement;
  let anchor = previous.anchor;
  // Selection objects are replaced on change, so identity tells whether to look again.
  if (lastSelection.ids !== appState.selectedElementIds) {
    lastSelection.ids = appState.selectedElementIds;
    anchor = selectedAnchor(elements, appState.selectedElementIds);
  } else if (anchor) {
    // Keep the anchor's latest version (it may have been moved or relabelled).
    const current = elements.find((e) => e.id === anchor!.element.id);
    anchor = current && !current.isDeleted ? { element: current, kind: anchor.kind } : null;
  }
  const editable = !appState.viewModeEnabled;
  const sidebar = appState.openSidebar?.name ?? null;
  const same =
    sidebar === previous.sidebar &&
    editable === previous.editable &&
    empty === previous.empty &&
    idle === previous.idle &&
    anchor?.element === previous.anchor?.element &&
    anchor?.kind === previous.anchor?.kind;
  return same ? previous : { empty, idle, anchor, editable, sidebar };
}

/** The latest reading, for any component that needs it. */
export const useBoardSelection = create<BoardSelection>()(() => INITIAL);

/** Keeps `useBoardSelection` up to date with the board; call once per board page. */
export function useTrackBoardSelection(api: ExcalidrawImperativeAPI | null): void {
  useEffect(() => {
    if (!api) return;
    const last = { ids: undefined as unknown };
    let current = read(api.getSceneElementsIncludingDeleted(), api.getAppState(), INITIAL, last);
    useBoardSelection.setState(current, true);
    const stop = api.onChange((elements, appState) => {
      const next = read(elements, appState, current, last);
      if (next !== current) {
        current = next;
        useBoardSelection.setState(next, true);
      }
    });
    return () => {
      stop();
      useBoardSelection.setState(INITIAL, true);
    };
  }, [api]);
}
