import { create } from "zustand";

/** The board's one side panel; its tabs are the diagram check, the estimates, the interview and the history. */
export const PANELS_SIDEBAR = "panels";

export type PanelTab = "check" | "estimates" | "interview" | "history";

const TABS: ReadonlySet<string> = new Set<PanelTab>(["check", "estimates", "interview", "history"]);

interface PanelsState {
  /** The tab shown last, reopened by the top bar's trigger. */
  tab: PanelTab;
  setTab: (tab: string | undefined) => void;
}

/** Which tab the side panel shows; not part of the board, so not in its doc. */
export const usePanels = create<PanelsState>()((set) => ({
  tab: "check",
  setTab: (tab) => {
    if (tab && TABS.has(tab)) set({ tab: tab as PanelTab });
  },
}));

/** The tab to open: the last one, unless it is the interview tab of a board without one. */
export function tabToOpen(hasInterview: boolean): PanelTab {
  const tab = usePanels.getState().tab;
  return tab === "interview" && !hasInterview ? "check" : tab;
}
