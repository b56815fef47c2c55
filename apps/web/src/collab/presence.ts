import { parseAwarenessState, type AwarenessState } from "@archboard/protocol";

/** Excalidraw's collaborator shape, restated so this module stays free of the editor. */
export interface PresenceCollaborator {
  id: string;
  socketId: string;
  username: string;
  color: { background: string; stroke: string };
  pointer?: { x: number; y: number; tool: "pointer" | "laser" };
  button?: "up" | "down";
  selectedElementIds?: Record<string, true>;
  userState?: "active" | "idle" | "away";
}

/**
 * Turns the awareness states of everyone in the room (keyed by Yjs client id)
 * into the collaborators Excalidraw draws: cursors with names, laser trails,
 * selections and idle badges. Our own state and invalid states are skipped.
 */
export function collaboratorsFrom(
  states: ReadonlyMap<number, unknown>,
  localClientId: number,
): Map<string, PresenceCollaborator> {
  const out = new Map<string, PresenceCollaborator>();
  for (const [clientId, raw] of states) {
    if (clientId === localClientId) continue;
    const state = parseAwarenessState(raw);
    if (!state) continue;
    const socketId = String(clientId);
    const collaborator: PresenceCollaborator = {
      id: socketId,
      socketId,
      username: state.user.name,
      color: { background: state.user.color, stroke: state.user.color },
      userState: state.idle ?? "active",
    };
    if (state.pointer) {
      collaborator.pointer = { x: state.pointer.x, y: state.pointer.y, tool: state.pointer.tool };
      collaborator.button = state.pointer.button;
    }
    if (state.selectedElementIds?.length) {
      collaborator.selectedElementIds = Object.fromEntries(state.selectedElementIds.map((id) => [id, true as const]));
    }
    out.set(socketId, collaborator);
  }
  return out;
}

/** The valid awareness state of one client, if any (e.g. the person being followed). */
export function stateOf(states: ReadonlyMap<number, unknown>, socketId: string): AwarenessState | null {
  const raw = states.get(Number(socketId));
  return raw === undefined ? null : parseAwarenessState(raw);
}

/** Idle after a minute without input; away while the tab is hidden. */
export const IDLE_AFTER_MS = 60_000;
