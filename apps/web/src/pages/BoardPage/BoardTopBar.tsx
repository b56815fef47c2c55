import { useState } from "react";
import type * as Y from "yjs";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { ConnectionBadge } from "../../collab/ConnectionBadge.tsx";
import { ClockBadge } from "../../interview/ClockBadge.tsx";
import { setSharedTitle } from "../../collab/sharedTitle.ts";
import { ShareDialog } from "./ShareDialog.tsx";
import { DefaultSidebar, Sidebar } from "@excalidraw/excalidraw";
import { SeverityCounts } from "../../lint/LintPanel.tsx";
import { useLint } from "../../lint/lintStore.ts";
import { boardsStore } from "../../board-list/boardsStore.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { navigate } from "../../router.ts";
import { useBoardUi } from "./boardUiStore.ts";
import { keepActivationKeys } from "../../ui/keys.ts";
import { PANELS_SIDEBAR, tabToOpen, usePanels } from "./panels.ts";

/**
 * The interview clock, sharing and the side panel, in Excalidraw's top-right slot. The slot
 * shares the top row with the toolbar, the collaborators' avatars and the library button,
 * and a docked side panel narrows it: at 1280 px it has about 250 px, so the connection
 * status and Export live in the footer, beside the board's title.
 */
export function BoardTopBar({ meta, doc, api }: { meta: BoardMeta; doc: Y.Doc; api: ExcalidrawImperativeAPI | null }) {
  const [sharing, setSharing] = useState(false);
  return (
    <div className="ab-topbar" onKeyDown={keepActivationKeys}>
      {meta.roomToken && (
        <ClockBadge
          doc={doc}
          onOpen={() => api?.toggleSidebar({ name: PANELS_SIDEBAR, tab: "interview", force: true })}
        />
      )}
      <PanelsTrigger hasInterview={!!meta.roomToken} />
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
      {sharing && <ShareDialog meta={meta} doc={doc} onClose={() => setSharing(false)} />}
    </div>
  );
}

/** The way back to the board list, the board's title, its connection and Export, in the footer. */
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
    <div className="ab-titlebar" onKeyDown={keepActivationKeys}>
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
      <ConnectionBadge />
      <button
        type="button"
        className="ab-button ab-button--primary ab-titlebar__export"
        onClick={() => useBoardUi.getState().openExport()}
        title="Export as PNG, SVG or .excalidraw (Ctrl+Shift+E)"
      >
        Export
      </button>
    </div>
  );
}

/** Excalidraw's library button without its label: the top row is short of room. */
export function LibraryTrigger() {
  // Names its tab: without one the sidebar opens on no tab at all, an empty panel.
  return <DefaultSidebar.Trigger title="Library" tab="library" icon={BOOK_ICON} />;
}

const BOOK_ICON = (
  <svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.75"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2.5Z" />
    <path d="M8 7h7" />
  </svg>
);

/** Opens and closes the side panel (on the tab last shown), with the diagram check's counts. */
function PanelsTrigger({ hasInterview }: { hasInterview: boolean }) {
  const findings = useLint((s) => s.findings);
  usePanels((s) => s.tab); // re-render when the tab changes
  const tab = tabToOpen(hasInterview);
  return (
    <Sidebar.Trigger
      name={PANELS_SIDEBAR}
      tab={tab}
      title="Diagram check, estimates and interview"
      className="ab-lint-trigger"
    >
      Panels
      <SeverityCounts findings={findings} />
    </Sidebar.Trigger>
  );
}
