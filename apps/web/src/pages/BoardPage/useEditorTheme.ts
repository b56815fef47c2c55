import { useTheme } from "../../ui/themeStore.ts";
import type { SceneChangeListener } from "./useSceneChanges.ts";

/** Keeps the app's theme in step when the user toggles it from Excalidraw's own menu. */
export function useEditorTheme(): SceneChangeListener {
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  return {
    onChange: (_elements, appState) => {
      if (appState.theme !== theme) setTheme(appState.theme);
    },
  };
}
