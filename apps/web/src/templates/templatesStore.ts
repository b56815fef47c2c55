import { create } from "zustand";

/** Which of the template dialogs is open, and what the picker is filtered by. */
interface TemplatesUiState {
  dialog: "picker" | "text" | null;
  query: string;
  /** The text typed into "diagram from text", kept while the board is open. */
  mermaid: string;
  openPicker: (query?: string) => void;
  openText: () => void;
  close: () => void;
  setQuery: (query: string) => void;
  setMermaid: (text: string) => void;
}

export const EXAMPLE_MERMAID = `flowchart LR
  A[Client] -->|HTTPS 2k QPS| B[Load Balancer]
  B -->|2k QPS| C[API Servers]
  C -->|read 1.5k QPS| D[(Cache)]
  C -->|write 500/s| E[(Database)]`;

export const useTemplatesUi = create<TemplatesUiState>()((set) => ({
  dialog: null,
  query: "",
  mermaid: EXAMPLE_MERMAID,
  openPicker: (query) => set((s) => ({ dialog: "picker", query: query ?? s.query })),
  openText: () => set({ dialog: "text" }),
  close: () => set({ dialog: null }),
  setQuery: (query) => set({ query }),
  setMermaid: (mermaid) => set({ mermaid }),
}));
