import { create } from "zustand";

/** How the board is connected to its room, as the badge shows it. */
export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline";

interface ConnectionState {
  /** Null on a board that is not shared. */
  status: ConnectionStatus | null;
  /** Local changes made while not connected; sent when the connection returns. */
  unsynced: number;
  set(patch: Partial<Pick<ConnectionState, "status" | "unsynced">>): void;
}

export const useConnection = create<ConnectionState>()((set) => ({
  status: null,
  unsynced: 0,
  set: (patch) => set(patch),
}));
