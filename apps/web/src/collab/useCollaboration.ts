import { useCallback, useEffect, useRef } from "react";
import { getVisibleSceneBounds, zoomToFitBounds } from "@excalidraw/excalidraw";
import type { AppState, Collaborator, ExcalidrawImperativeAPI, SocketId } from "@excalidraw/excalidraw/types";
import type { Role, RoomId } from "@archboard/protocol";
import type { OpenBoard } from "../board-list/boardStorage.ts";
import { loadIdentity } from "./identity.ts";
import { IDLE_AFTER_MS, collaboratorsFrom, stateOf } from "./presence.ts";
import { connectRoom, type RoomConnection } from "./roomConnection.ts";

const POINTER_INTERVAL_MS = 33;
const VIEWPORT_INTERVAL_MS = 100;

type PointerPayload = { pointer: { x: number; y: number; tool: "pointer" | "laser" }; button: "down" | "up" };

/**
 * Live pairing for a shared board: connects its doc to the room, publishes
 * this person's presence (cursor, laser, selection, idle state, viewport)
 * and shows everyone else's. Follow mode: when the user picks someone in
 * Excalidraw's collaborator list, the viewport tracks theirs; Excalidraw
 * itself ends following when the user pans or zooms.
 */
export function useCollaboration(
  api: ExcalidrawImperativeAPI | null,
  board: OpenBoard,
  roomId: RoomId | undefined,
  token: string | undefined,
  role: Role | undefined,
) {
  const conn = useRef<RoomConnection | null>(null);
  const lastPointerAt = useRef(0);
  const viewportTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pendingViewport = useRef<readonly [number, number, number, number] | null>(null);
  const lastFollowed = useRef<string | null>(null);
  const lastSelection = useRef("");

  const follow = useCallback(() => {
    const c = conn.current;
    if (!api || !c) return;
    const appState = api.getAppState();
    const target = appState.userToFollow?.socketId;
    if (!target) return;
    const viewport = stateOf(c.awareness.getStates(), target)?.viewport;
    if (!viewport) return;
    const next = zoomToFitBounds({
      bounds: [viewport.x1, viewport.y1, viewport.x2, viewport.y2],
      appState,
      fitToViewport: true,
      viewportZoomFactor: 1,
    }).appState;
    api.updateScene({ appState: { scrollX: next.scrollX, scrollY: next.scrollY, zoom: next.zoom } });
  }, [api]);

  useEffect(() => {
    if (!api || !roomId) return;
    const c = connectRoom(board.doc, roomId, token);
    conn.current = c;
    c.awareness.setLocalState({ user: loadIdentity(), idle: "active", ...(role ? { role } : {}) });

    const render = () => {
      const collaborators = collaboratorsFrom(c.awareness.getStates(), c.awareness.clientID);
      api.updateScene({ collaborators: collaborators as unknown as Map<SocketId, Collaborator> });
      follow();
    };
    c.awareness.on("change", render);

    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const setIdle = (idle: "active" | "idle" | "away") => {
      if (c.awareness.getLocalState()?.idle !== idle) c.awareness.setLocalStateField("idle", idle);
    };
    const onActivity = () => {
      setIdle(document.hidden ? "away" : "active");
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => setIdle("idle"), IDLE_AFTER_MS);
    };
    onActivity();
    window.addEventListener("pointermove", onActivity, { passive: true });
    window.addEventListener("keydown", onActivity);
    document.addEventListener("visibilitychange", onActivity);

    return () => {
      clearTimeout(idleTimer);
      window.removeEventListener("pointermove", onActivity);
      window.removeEventListener("keydown", onActivity);
      document.removeEventListener("visibilitychange", onActivity);
      c.awareness.off("change", render);
      clearTimeout(viewportTimer.current);
      viewportTimer.current = undefined;
      c.destroy();
      conn.current = null;
    };
  }, [api, board, roomId, token, role, follow]);

  /** Excalidraw's onPointerUpdate: the cursor and the laser, throttled. */
  const onPointerUpdate = useCallback((payload: PointerPayload) => {
    const c = conn.current;
    if (!c) return;
    const now = performance.now();
    // Button changes always go out so a laser stroke starts and ends crisply.
    const current = c.awareness.getLocalState()?.pointer as { button?: string } | undefined;
    if (now - lastPointerAt.current < POINTER_INTERVAL_MS && current?.button === payload.button) return;
    lastPointerAt.current = now;
    c.awareness.setLocalStateField("pointer", { ...payload.pointer, button: payload.button });
  }, []);

  /** Every editor change: publishes selection and visible area (for others' follow mode), and follows. */
  const onChange = useCallback(
    (_elements: unknown, appState: AppState) => {
      const c = conn.current;
      if (!c) return;
      const selection = Object.keys(appState.selectedElementIds)
        .filter((id) => appState.selectedElementIds[id])
        .join(",");
      if (selection !== lastSelection.current) {
        lastSelection.current = selection;
        c.awareness.setLocalStateField("selectedElementIds", selection ? selection.split(",") : []);
      }
      // Trailing throttle: the last position always goes out once scrolling stops.
      pendingViewport.current = getVisibleSceneBounds(appState);
      if (viewportTimer.current === undefined) {
        viewportTimer.current = setTimeout(() => {
          viewportTimer.current = undefined;
          const bounds = pendingViewport.current;
          if (!bounds || !conn.current) return;
          const [x1, y1, x2, y2] = bounds;
          conn.current.awareness.setLocalStateField("viewport", { x1, y1, x2, y2 });
        }, VIEWPORT_INTERVAL_MS);
      }
      const following = appState.userToFollow?.socketId ?? null;
      if (following !== lastFollowed.current) {
        lastFollowed.current = following;
        follow();
      }
    },
    [follow],
  );

  /** Starts following the first participant with this role (the interviewer follows the candidate). */
  const followRole = useCallback(
    (target: Role): boolean => {
      const c = conn.current;
      if (!api || !c) return false;
      for (const clientId of c.awareness.getStates().keys()) {
        if (clientId === c.awareness.clientID) continue;
        const state = stateOf(c.awareness.getStates(), String(clientId));
        if (state?.role !== target) continue;
        api.updateScene({
          appState: { userToFollow: { socketId: String(clientId) as SocketId, username: state.user.name } },
        });
        return true;
      }
      return false;
    },
    [api],
  );

  return { isCollaborating: Boolean(roomId), onPointerUpdate, onChange, follow, followRole };
}
