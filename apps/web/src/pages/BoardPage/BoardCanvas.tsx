import "@excalidraw/excalidraw/index.css";
import { useState } from "react";
import { Excalidraw, Footer, MainMenu } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFileData, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { readScene } from "@archboard/board-sync";
import type { OpenBoard } from "../../board-list/boardStorage.ts";
import type { BoardMeta } from "../../board-list/boardIndex.ts";
import { useSceneImport } from "../../import/useSceneImport.ts";
import { useSharedTitle } from "../../collab/sharedTitle.ts";
import { useCollaboration } from "../../collab/useCollaboration.ts";
import { RefusalNotice } from "../../collab/ConnectionBadge.tsx";
import { useConnection } from "../../collab/connectionStore.ts";
import { StartInterviewDialog } from "../../interview/StartInterviewDialog.tsx";
import { decodeTokenClaims } from "@archboard/protocol";
import { LintHighlight } from "../../lint/LintHighlight.tsx";
import { LintOverlay } from "../../lint/LintOverlay.tsx";
import { useBoardLint } from "../../lint/useBoardLint.ts";
import { navigate } from "../../router.ts";
import { useTheme } from "../../ui/themeStore.ts";
import { BoardPanels } from "./BoardPanels.tsx";
import { BoardTitleBar, BoardTopBar, LibraryTrigger } from "./BoardTopBar.tsx";
import { PANELS_SIDEBAR, tabToOpen } from "./panels.ts";
import { ExportDialog } from "./ExportDialog.tsx";
import { useBoardUi } from "./boardUiStore.ts";
import { loadView } from "../../board-list/boardView.ts";
import { useBoardShortcuts } from "./useBoardShortcuts.ts";
import { useBoardThumbnail } from "./useBoardThumbnail.ts";
import { useFileDrop } from "./useFileDrop.tsx";
import { useBoardBinding } from "./useBoardBinding.ts";
import { useEditedTime } from "./useEditedTime.ts";
import { useEditorTheme } from "./useEditorTheme.ts";
import { useRememberedView } from "./useRememberedView.ts";
import { useSceneChanges } from "./useSceneChanges.ts";
import { TemplateFooterButtons, TemplateLayer } from "../../templates/TemplateControls.tsx";
import { useTemplatesUi } from "../../templates/templatesStore.ts";
import { useHistorySource } from "../../history/useHistorySource.ts";
import { useHistoryView } from "../../history/historyView.ts";
import { PastView } from "../../history/PastView.tsx";
import { BoardReplay } from "../../history/replay/BoardReplay.tsx";
import { SaveVersionDialog } from "../../history/SaveVersionDialog.tsx";
import { VersionMenuItems } from "../../history/VersionMenu.tsx";
import { useVersionDialog } from "../../history/versions.ts";
import { useRecordAuthor } from "../../history/authors.ts";

interface Props {
  board: OpenBoard;
  meta: BoardMeta;
}

/** The full-window editor for one board, bound to the board's Y.Doc. */
export default function BoardCanvas({ board, meta }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const theme = useTheme((s) => s.theme);
  const exportOpen = useBoardUi((s) => s.exportOpen);
  const [interviewDialog, setInterviewDialog] = useState(false);
  const { openFile, pickAndOpen } = useSceneImport();
  // The role an invite grants, read from its token for the UI; the server enforces it.
  const role = meta.roomToken ? (decodeTokenClaims(meta.roomToken)?.role ?? undefined) : undefined;
  // Turned away by the server (bad or expired invite): nothing here can be shared, so nothing is editable.
  const refused = useConnection((s) => s.status === "refused");
  const readOnly = role === "observer" || refused;
  // While the History panel shows a past moment, the live board underneath takes no input.
  const viewingPast = useHistoryView((s) => s.viewing !== null);
  const versionDialog = useVersionDialog((s) => s.open);

  // Read once per board (the page mounts one canvas per board): later changes arrive through the binding.
  const [initialData] = useState(() => {
    const scene = readScene<ExcalidrawElement, BinaryFileData>(board.doc);
    const view = loadView(board.id);
    return {
      elements: scene.elements,
      files: scene.files,
      appState: {
        theme,
        // The side panel is docked open on screens wide enough for it: on the session in an
        // interview, else on the diagram check.
        openSidebar: role
          ? { name: PANELS_SIDEBAR, tab: "interview" }
          : window.innerWidth >= 1100
            ? { name: PANELS_SIDEBAR, tab: tabToOpen(false) }
            : null,
        ...(view ? { scrollX: view.scrollX, scrollY: view.scrollY, zoom: { value: view.zoom as never } } : {}),
      },
      scrollToContent: !view && scene.elements.some((e) => !e.isDeleted),
    };
  });

  // Effects run in this order: the binding exists before lint, thumbnail and the room start.
  const binding = useBoardBinding(api, board);
  const view = useRememberedView(board.id);
  const lint = useBoardLint(api, board.doc);
  const thumbnail = useBoardThumbnail(api, board.id);
  const collab = useCollaboration(api, board, meta.roomId, meta.roomToken, role);
  const editorTheme = useEditorTheme();
  const editedTime = useEditedTime(board.id);
  useSharedTitle(board.doc, board.id, meta.roomId);
  useHistorySource(board, meta.roomId, meta.roomToken);
  useRecordAuthor(board.doc, !readOnly);
  useBoardShortcuts(api, pickAndOpen);
  const onChange = useSceneChanges([binding, thumbnail, editorTheme, collab, view, editedTime, lint]);
  const drop = useFileDrop(api, openFile);

  return (
    <div className="ab-board" data-testid="board" {...drop.handlers}>
      <Excalidraw
        excalidrawAPI={setApi}
        initialData={initialData}
        onChange={onChange}
        theme={theme}
        name={meta.title}
        aiEnabled={false}
        handleKeyboardGlobally
        isCollaborating={collab.isCollaborating}
        viewModeEnabled={readOnly || viewingPast}
        onPointerUpdate={collab.onPointerUpdate}
        UIOptions={{
          canvasActions: { loadScene: false, saveToActiveFile: false, export: false, saveAsImage: false },
        }}
        renderTopRightUI={() => <BoardTopBar meta={meta} doc={board.doc} api={api} />}
      >
        <MainMenu>
          <MainMenu.Item onSelect={() => navigate("/")}>All boards</MainMenu.Item>
          <MainMenu.Item onSelect={pickAndOpen} shortcut="Ctrl+O">
            Open file…
          </MainMenu.Item>
          <MainMenu.Item onSelect={() => useBoardUi.getState().openExport()} shortcut="Ctrl+Shift+E">
            Export…
          </MainMenu.Item>
          <MainMenu.Item onSelect={() => useTemplatesUi.getState().openPicker()}>Templates…</MainMenu.Item>
          <MainMenu.Item onSelect={() => useTemplatesUi.getState().openText()}>Diagram from text…</MainMenu.Item>
          {!meta.roomId && (
            <MainMenu.Item onSelect={() => setInterviewDialog(true)}>Start a mock interview…</MainMenu.Item>
          )}
          <MainMenu.Separator />
          <VersionMenuItems api={api} doc={board.doc} readOnly={readOnly} />
          <MainMenu.Separator />
          <MainMenu.DefaultItems.SearchMenu />
          <MainMenu.DefaultItems.Help />
          <MainMenu.DefaultItems.ClearCanvas />
          <MainMenu.Separator />
          <MainMenu.DefaultItems.ToggleTheme />
          <MainMenu.DefaultItems.ChangeCanvasBackground />
        </MainMenu>
        <LibraryTrigger />
        <Footer>
          <BoardTitleBar meta={meta} doc={board.doc} />
          {api && <TemplateFooterButtons api={api} />}
        </Footer>
        {api && (
          <BoardPanels
            api={api}
            doc={board.doc}
            readOnly={readOnly}
            playback={<BoardReplay board={board} title={meta.title} inRoom={meta.roomId !== undefined} />}
            interview={
              role && meta.roomId && meta.roomToken && !refused
                ? {
                    roomId: meta.roomId,
                    token: meta.roomToken,
                    role,
                    title: meta.title,
                    followCandidate: () => collab.followRole("candidate"),
                  }
                : null
            }
          />
        )}
      </Excalidraw>
      {drop.active && (
        <div className="ab-drop-hint" aria-hidden>
          Drop a picture to place it here, or a board file (.excalidraw, or a PNG with an embedded board) to open it
        </div>
      )}
      {drop.dialog}
      {api && <LintOverlay api={api} />}
      {api && <LintHighlight api={api} />}
      <RefusalNotice onLeave={() => navigate("/")} />
      {interviewDialog && <StartInterviewDialog boardId={board.id} onClose={() => setInterviewDialog(false)} />}
      {exportOpen && api && <ExportDialog api={api} title={meta.title} doc={board.doc} />}
      {api && <TemplateLayer api={api} />}
      {api && (
        <PastView
          liveApi={api}
          title={meta.title}
          readOnly={
            refused
              ? "This link no longer lets you change the board."
              : role === "observer"
                ? "Observers can look back but not restore."
                : null
          }
        />
      )}
      {versionDialog && <SaveVersionDialog doc={board.doc} shared={meta.roomId !== undefined} />}
    </div>
  );
}
