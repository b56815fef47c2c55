import { useEffect, useState } from "react";
import { Sidebar } from "@excalidraw/excalidraw";
import { LINT_SIDEBAR, SeverityCounts } from "../lint/LintPanel.tsx";
import { useLint } from "../lint/lintStore.ts";
import { boardsStore } from "../boards/boardsStore.ts";
import type { BoardMeta } from "../boards/boardIndex.ts";
import { navigate } from "../router.ts";
import { useBoardUi } from "./boardUiStore.ts";

/** Title, navigation and file actions, in Excalidraw's top-right slot. */
export function BoardTopBar({ meta, onOpen }: { meta: BoardMeta; onOpen(): void }) {
  const [title, setTitle] = useState(meta.title);
  useEffect(() => setTitle(meta.title), [meta.title]);

  const commit = () => {
    if (title.trim() === meta.title) return setTitle(meta.title);
    boardsStore().getState().rename(meta.id, title);
  };

  return (
    <div className="ab-topbar">
      <a
        className="ab-topbar__home"
        href="/"
        onClick={(e) => {
          e.preventDefault();
          navigate("/");
        }}
        title="All boards"
        aria-label="All boards"
      >
        ←
      </a>
      <input
        className="ab-topbar__title"
        aria-label="Board title"
        data-testid="board-title"
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation(); // typing a title must not trigger drawing shortcuts
          if (e.key === "Enter") e.currentTarget.blur();
          if (e.key === "Escape") {
            setTitle(meta.title);
            e.currentTarget.blur();
          }
        }}
      />
      <LintTrigger />
      <button type="button" className="ab-button" onClick={onOpen} title="Open a .excalidraw file or a PNG with an embedded board (Ctrl+O)">
        Open
      </button>
      <button
        type="button"
        className="ab-button ab-button--primary"
        onClick={() => useBoardUi.getState().openExport()}
        title="Export as PNG, SVG or .excalidraw (Ctrl+Shift+E)"
      >
        Export
      </button>
    </div>
  );
}

/** Opens and closes the diagram check, showing the current counts. */
function LintTrigger() {
  const findings = useLint((s) => s.findings);
  return (
    <Sidebar.Trigger name={LINT_SIDEBAR} title="Diagram check" className="ab-lint-trigger">
      Check
      <SeverityCounts findings={findings} />
    </Sidebar.Trigger>
  );
}
