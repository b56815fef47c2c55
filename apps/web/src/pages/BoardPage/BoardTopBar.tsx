import { useState } from "react";
import type * as Y from "yjs";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { ConnectionBadge } from "../../collab/ConnectionBadge.tsx";
import { ClockBadge } from "../../interview/ClockBadge.tsx";
import { INTERVIEW_SIDEBAR } from "../../interview/InterviewPanel.tsx";
import { setSharedTitle } from "../../collab/sharedTitle.ts";
import { ShareDialog } from "./ShareDialog.tsx";
import { Sidebar } from "@excalidraw/excalidraw";
import { LINT_SIDEBAR, SeverityCounts } from "../../lint/LintPanel.tsx";
import { useLint } from "../../lint/lintStore.ts";
import { boardsStore } from "../../board-list/boardsStore.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { navigate } from "../../router.ts";
import { useBoardUi } from "./boardUiStore.ts";
import { keepActivationKeys } from "../../ui/keys.ts";

/** Live status, the diagram check, sharing and export, in Excalidraw's top-right slot. */
export function BoardTopBar({ meta, doc, api }: { meta: BoardMeta; doc: Y.Doc; api: ExcalidrawImperativeAPI | null }) {
  const [sharing, setSharing] = useState(false);
  return (
    <div className="ab-topbar" onKeyDown={keepActivationKeys}>
      <ConnectionBadge />
      {meta.roomToken && (
        <ClockBadge doc={doc} onOpen={() => api?.toggleSidebar({ name: INTERVIEW_SIDEBAR, force: true })} />
      )}
      <LintTrigger />
      {/* Interview boards are joined with per-role invites, never with a plain link. */}
      {!meta.roomToken && (
        <button
          type="button"
          className={`ab-button${meta.roomId ? "" : " ab-button--accent"}`}
          onClick={() => setSharing(true)}
          data-testid="share"
          title={meta.roomId ? "Copy the link to this live board" : "Draw on this board with a partner, live"}
        >
          {meta.roomId ? "Link" : "Share"}
        </button>
      )}
      <button
        type="button"
        className="ab-button ab-button--primary"
        onClick={() => useBoardUi.getState().openExport()}
        title="Export as PNG, SVG or .excalidraw (Ctrl+Shift+E)"
      >
        Export
      </button>
      {sharing && <ShareDialog meta={meta} doc={doc} onClose={() => setSharing(false)} />}
    </div>
  );
}

/** The way back to the board list and the board's title, in the footer. */
export function BoardTitleBar({ meta, doc }: { meta: BoardMeta; doc: Y.Doc }) {
  const [title, setTitle] = useState(meta.title);
  // A rename from elsewhere (another tab, the room) replaces what the field shows.
  const [shownTitle, setShownTitle] = useState(meta.title);
  if (shownTitle !== meta.title) {
    setShownTitle(meta.title);
    setTitle(meta.title);
  }

  const commit = () => {
    if (title.trim() === meta.title) return setTitle(meta.title);
    boardsStore().getState().rename(meta.id, title);
    if (meta.roomId) setSharedTitle(doc, boardsStore().getState().get(meta.id)?.title ?? title);
  };

  return (
    <div className="ab-titlebar">
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
