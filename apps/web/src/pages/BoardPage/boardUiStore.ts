import { create } from "zustand";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "../../export/exportBoard.ts";

const OPTIONS_KEY = "archboard:export-options";

function savedOptions(): ExportOptions {
  try {
    const raw = JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? "null") as Partial<ExportOptions> | null;
    if (!raw) return DEFAULT_EXPORT_OPTIONS;
    return {
      format: raw.format === "svg" || raw.format === "excalidraw" ? raw.format : "png",
      scale: raw.scale === 1 || raw.scale === 3 ? raw.scale : 2,
      background: raw.background !== false,
      dark: raw.dark === true,
      // "Selection only" is about the moment, not a preference: always start with the whole board.
      selectionOnly: false,
    };
  } catch {
    return DEFAULT_EXPORT_OPTIONS;
  }
}

interface BoardUiState {
  exportOpen: boolean;
  exportOptions: ExportOptions;
  openExport: (selectionOnly?: boolean) => void;
  closeExport: () => void;
  setExportOptions: (patch: Partial<ExportOptions>) => void;
}

/** UI state of the board page that is not part of the board itself. */
export const useBoardUi = create<BoardUiState>()((set, get) => ({
  exportOpen: false,
  exportOptions: savedOptions(),
  openExport: (selectionOnly = false) =>
    set({ exportOpen: true, exportOptions: { ...get().exportOptions, selectionOnly } }),
  closeExport: () => set({ exportOpen: false }),
  setExportOptions: (patch) => {
    const exportOptions = { ...get().exportOptions, ...patch };
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(exportOptions));
    set({ exportOptions });
  },
}));
