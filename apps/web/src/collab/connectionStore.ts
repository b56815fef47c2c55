import { create } from "zustand";

/** How the board is connected to its room, as the badge shows it. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "refused";

interface ConnectionState {
  /** Null on a board that is not shared. */
  status: ConnectionStatus | null;
  /** Local changes made while not connected; sent when the connection returns. */
  unsynced: number;
  /** Why the server turned this connection away for good (bad or expired invite, board full…). */
  refusal: { code: number; title: string; message: string } | null;
  /** Why the server last ended the connection when a reconnect repairs it; cleared once connected. */
  notice: string | null;
  set: (patch: Partial<Pick<ConnectionState, "status" | "unsynced" | "refusal" | "notice">>) => void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: null,
  unsynced: 0,
  refusal: null,
  notice: null,
  set: (patch) => set(patch),
}));
