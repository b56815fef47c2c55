import "@excalidraw/excalidraw/index.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { Excalidraw, Footer, MainMenu, getSceneVersion } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { AppState, BinaryFileData, BinaryFiles, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { BoardBinding, readScene } from "@archboard/board-sync";
import type { OpenBoard } from "../boards/boardStorage.ts";
import { boardsStore } from "../boards/boardsStore.ts";
import type { BoardMeta } from "../boards/boardIndex.ts";
import { renderThumbnail, type SceneSnapshot } from "../export/exportBoard.ts";
import { useSceneImport } from "../import/useSceneImport.ts";
import { observeSharedTitle, sharedTitle } from "../collab/sharedTitle.ts";
import { useCollaboration } from "../collab/useCollaboration.ts";
import { RefusalNotice } from "../collab/ConnectionBadge.tsx";
import { INTERVIEW_SIDEBAR, InterviewPanel } from "../interview/InterviewPanel.tsx";
import { StartInterviewDialog } from "../interview/StartInterviewDialog.tsx";
import { decodeTokenClaims } from "@archboard/protocol";
import { LintHighlight } from "../lint/LintHighlight.tsx";
import { LINT_SIDEBAR, LintPanel } from "../lint/LintPanel.tsx";
import { observeLintConfig, readLintConfig } from "../lint/lintSettings.ts";
import { relintWithConfig, useLint } from "../lint/lintStore.ts";
import { navigate } from "../router.ts";
import { useTheme } from "../ui/themeStore.ts";
import { BoardTitleBar, BoardTopBar } from "./BoardTopBar.tsx";
import { ExportDialog } from "./ExportDialog.tsx";
import { useBoardUi } from "./boardUiStore.ts";
import { loadView, saveView } from "./boardView.ts";
import { excalidrawScene } from "./sceneAdapter.ts";
import { useBoardShortcuts } from "./useBoardShortcuts.ts";
import { useFileDrop } from "./useFileDrop.ts";
import { TemplateFooterButtons, TemplateLayer } from "../templates/TemplateControls.tsx";
import { useTemplatesUi } from "../templates/templatesStore.ts";

const THUMBNAIL_DELAY_MS = 1000;

interface Props {
  board: OpenBoard;
  meta: BoardMeta;
}

/** The full-window editor for one board, bound to the board's Y.Doc. */
export default function BoardCanvas({ board, meta }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const theme = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  const exportOpen = useBoardUi((s) => s.exportOpen);
  const [interviewDialog, setInterviewDialog] = useState(false);
  const { openFile, pickAndOpen } = useSceneImport();
  const bindingRef = useRef<BoardBinding<ExcalidrawElement, BinaryFileData> | null>(null);
  const sceneVersion = useRef<number | null>(null);
  const thumbTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const viewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<SceneSnapshot | null>(null);
  // The role an invite grants, read from its token for the UI; the server enforces it.
  const role = meta.roomToken ? (decodeTokenClaims(meta.roomToken)?.role ?? undefined) : undefined;

  // Read once: later changes arrive through the binding, not through props.
  const initialData = useMemo(() => {
    const scene = readScene<ExcalidrawElement, BinaryFileData>(board.doc);
    const view = loadView(board.id);
    return {
      elements: scene.elements,
      files: scene.files as BinaryFiles,
      appState: {
        theme,
        // The diagram check is docked open on screens wide enough for it.
        openSidebar: role ? { name: INTERVIEW_SIDEBAR } : window.innerWidth >= 1100 ? { name: LINT_SIDEBAR } : null,
        ...(view ? { scrollX: view.scrollX, scrollY: view.scrollY, zoom: { value: view.zoom as never } } : {}),
      },
      scrollToContent: !view && scene.elements.some((e) => !e.isDeleted),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board]);

  useEffect(() => {
    if (!api) return;
    const binding = new BoardBinding<ExcalidrawElement, BinaryFileData>(board.doc, excalidrawScene(api));
    bindingRef.current = binding;
    // Marks the moment the board is interactive, for load-time measurements.
    performance.mark("archboard:board-interactive");
    // A read-only handle for scripts and browser tests: the live scene of the open board.
    window.archboard = { boardId: board.id, elements: () => api.getSceneElements(), appState: () => api.getAppState() };
    useLint.getState().run(api.getSceneElements(), readLintConfig(board.doc));
    const stopLintConfig = observeLintConfig(board.doc, relintWithConfig);
    return () => {
      stopLintConfig();
      useLint.getState().reset();
      bindingRef.current = null;
      binding.destroy();
      delete window.archboard;
    };
  }, [api, board]);

  const updateThumbnail = async () => {
    if (!latest.current) return;
    try {
      boardsStore().getState().setThumbnail(board.id, await renderThumbnail(latest.current));
    } catch {
      // A thumbnail is a convenience; the board itself is already saved.
    }
  };

  // A board opened from a file has no thumbnail yet; leaving the page or the
  // board refreshes it so the home page shows the latest state.
  useEffect(() => {
    if (!api) return;
    if (!boardsStore().getState().get(board.id)?.thumbnail && api.getSceneElements().length > 0) {
      thumbTimer.current = setTimeout(updateThumbnail, 300);
    }
    const onHide = () => document.visibilityState === "hidden" && void updateThumbnail();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      clearTimeout(thumbTimer.current);
      clearTimeout(viewTimer.current);
      void updateThumbnail();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const onChange = (elements: readonly ExcalidrawElement[], appState: AppState, files: BinaryFiles) => {
    bindingRef.current?.pushLocal(elements, files);
    latest.current = { elements, appState, files };
    if (appState.theme !== theme) setTheme(appState.theme);
    collab.onAppState(appState);

    const version = getSceneVersion(elements);
    if (sceneVersion.current !== null && version !== sceneVersion.current) {
      boardsStore().getState().touch(board.id);
      useLint.getState().schedule(elements);
      clearTimeout(thumbTimer.current);
      thumbTimer.current = setTimeout(updateThumbnail, THUMBNAIL_DELAY_MS);
    }
    sceneVersion.current = version;

    clearTimeout(viewTimer.current);
    viewTimer.current = setTimeout(
      () => saveView(board.id, { scrollX: appState.scrollX, scrollY: appState.scrollY, zoom: appState.zoom.value }),
      300,
    );
  };

  const collab = useCollaboration(api, board, meta.roomId, meta.roomToken, role);

  // A shared board's title comes from its room, so both people see the same name.
  useEffect(() => {
    if (!meta.roomId) return;
    const apply = (title: string) => {
      if (boardsStore().getState().get(board.id)?.title !== title) boardsStore().getState().rename(board.id, title);
    };
    const initial = sharedTitle(board.doc);
    if (initial) apply(initial);
    return observeSharedTitle(board.doc, apply);
  }, [board, meta.roomId]);

  useBoardShortcuts(api, pickAndOpen);
  const drop = useFileDrop(openFile);

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
        viewModeEnabled={role === "observer"}
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
          <MainMenu.DefaultItems.SearchMenu />
          <MainMenu.DefaultItems.Help />
          <MainMenu.DefaultItems.ClearCanvas />
          <MainMenu.Separator />
          <MainMenu.DefaultItems.ToggleTheme />
          <MainMenu.DefaultItems.ChangeCanvasBackground />
        </MainMenu>
        <Footer>
          <BoardTitleBar meta={meta} doc={board.doc} />
          {api && <TemplateFooterButtons api={api} />}
        </Footer>
        {api && <LintPanel api={api} doc={board.doc} />}
        {api && role && meta.roomId && meta.roomToken && (
          <InterviewPanel
            api={api}
            doc={board.doc}
            roomId={meta.roomId}
            token={meta.roomToken}
            role={role}
            title={meta.title}
            followCandidate={() => collab.followRole("candidate")}
          />
        )}
      </Excalidraw>
      {drop.active && (
        <div className="ab-drop-hint" aria-hidden>
          Drop a .excalidraw file or a PNG with an embedded board to open it as a new board
        </div>
      )}
      {api && <LintHighlight api={api} />}
      <RefusalNotice onLeave={() => navigate("/")} />
      {interviewDialog && <StartInterviewDialog boardId={board.id} onClose={() => setInterviewDialog(false)} />}
      {exportOpen && api && <ExportDialog api={api} title={meta.title} />}
      {api && <TemplateLayer api={api} />}
    </div>
  );
}
