import { create } from "zustand";

export type Theme = "light" | "dark";
const KEY = "archboard:theme";

const initial = (): Theme => {
  const saved = localStorage.getItem(KEY);
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
};

/** The colour theme, shared by the home page and the board, remembered per browser. */
export const useTheme = create<{ theme: Theme; setTheme: (t: Theme) => void }>()((set) => ({
  theme: initial(),
  setTheme: (theme) => {
    localStorage.setItem(KEY, theme);
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
}));
document.documentElement.dataset.theme = useTheme.getState().theme;
