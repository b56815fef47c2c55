import { MainMenu } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import { PANELS_SIDEBAR } from "../pages/BoardPage/panels.ts";
import { showBoardAt } from "./historyView.ts";
import { useVersionDialog, useVersions } from "./versions.ts";

/**
 * The board menu's part of named versions: "Save version…" (for those who
 * may edit) and each version, which opens the History tab at that moment.
 */
export function VersionMenuItems({
  api,
  doc,
  readOnly,
}: {
  api: ExcalidrawImperativeAPI | null;
  doc: Y.Doc;
  readOnly: boolean;
}) {
  const versions = useVersions(doc);
  const open = (at: number) => {
    api?.toggleSidebar({ name: PANELS_SIDEBAR, tab: "history", force: true });
    void showBoardAt(at);
  };
  return (
    <>
      {!readOnly && (
        <MainMenu.Item onSelect={() => useVersionDialog.getState().setOpen(true)} data-testid="menu-save-version">
          Save version…
        </MainMenu.Item>
      )}
      {versions.length > 0 && (
        <MainMenu.Group title="Named versions">
          {versions.map((v) => (
            <MainMenu.Item key={v.id} onSelect={() => open(v.at)} data-testid="menu-version">
              {v.name}
            </MainMenu.Item>
          ))}
        </MainMenu.Group>
      )}
    </>
  );
}
