import { create } from "zustand";

export interface Toast {
  id: number;
  kind: "info" | "error";
  message: string;
}

interface ToastState {
  toasts: Toast[];
  show: (message: string, kind?: Toast["kind"]) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

/** Short messages at the bottom of the screen; errors stay until dismissed. */
export const useToasts = create<ToastState>()((set, get) => ({
  toasts: [],
  show: (message, kind = "info") => {
    const id = nextId++;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, message }] });
    if (kind === "info") setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toast = (message: string, kind?: Toast["kind"]) => useToasts.getState().show(message, kind);
