import { useCallback, useEffect, useRef, useState } from "react";
import { CaptureUpdateAction, Excalidraw } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { PastScene } from "./historySource.ts";
import { navigate } from "../router.ts";
import { useBoardUi } from "../pages/BoardPage/boardUiStore.ts";
import { toast } from "../ui/toastStore.ts";
import { useTheme } from "../ui/themeStore.ts";
import { backToLive, useHistoryView } from "./historyView.ts";
import { exportPastPng, momentLabel, openPastAsBoard, restorePast } from "./pastActions.ts";

/** How far the docked side panel reaches in from the right edge, so the past view leaves it usable. */
function useSidePanelInset(active: boolean): number {
  const [inset, setInset] = useState(0);
  useEffect(() => {
    if (!active) return;
    const measure = () => {
      const panel = document.querySelector(".ab-panels");
      setInset(panel ? Math.max(0, window.innerWidth - panel.getBoundingClientRect().left) : 0);
    };
    measure();
    const panel = document.querySelector(".ab-panels");
    const observer = new ResizeObserver(measure);
    if (panel) observer.observe(panel);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [active]);
  return inset;
}

/**
 * The past board in a second editor, in view mode, opened where the live
 * board is scrolled to so the two line up. Mounted for one visit to the past;
 * `onShown` reports each moment once its scene is in the editor.
 */
function PastCanvas({
  liveApi,
  shown,
  shownFor,
  title,
  onShown,
}: {
  liveApi: ExcalidrawImperativeAPI;
  shown: PastScene;
  shownFor: number | null;
  title: string;
  onShown: (at: number | null) => void;
}) {
  const theme = useTheme((s) => s.theme);
  const [pastApi, setPastApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [initialView] = useState(() => {
    const s = liveApi.getAppState();
    return { scrollX: s.scrollX, scrollY: s.scrollY, zoom: s.zoom, viewBackgroundColor: s.viewBackgroundColor };
  });

  useEffect(() => {
    if (!pastApi) return;
    const files = Object.values(shown.files);
    if (files.length > 0) pastApi.addFiles(files);
    pastApi.updateScene({ elements: shown.elements, captureUpdate: CaptureUpdateAction.NEVER });
    onShown(shownFor);
  }, [pastApi, shown, shownFor, onShown]);

  useEffect(() => {
    if (!pastApi) return;
    window.archboardPast = {
      at: () => useHistoryView.getState().shown?.at ?? null,
      elements: () => pastApi.getSceneElements(),
    };
    return () => {
      delete window.archboardPast;
    };
  }, [pastApi]);

  return (
    <div className="ab-past__canvas">
      <Excalidraw
        excalidrawAPI={setPastApi}
        initialData={{ elements: shown.elements, files: shown.files, appState: initialView }}
        viewModeEnabled
        theme={theme}
        name={title}
        aiEnabled={false}
        UIOptions={{
          canvasActions: {
            loadScene: false,
            saveToActiveFile: false,
            export: false,
            saveAsImage: false,
            clearCanvas: false,
            changeViewBackgroundColor: false,
            toggleTheme: false,
          },
        }}
      />
    </div>
  );
}

/**
 * The board as it was at the moment the History panel points to, laid over
 * the live one (left of the side panel). The live board keeps receiving
 * changes underneath (and the partner keeps drawing); nothing shown here is
 * ever written to the board's doc. The bar names the moment and offers what
 * can be done from it. `data-ready` on the view is "true" once the moment
 * asked for is on screen.
 */
export function PastView({
  liveApi,
  title,
  readOnly,
}: {
  liveApi: ExcalidrawImperativeAPI;
  title: string;
  /** Why this person cannot restore (an observer, a refused link); null when they can. */
  readOnly: string | null;
}) {
  const viewing = useHistoryView((s) => s.viewing);
  const shown = useHistoryView((s) => s.shown);
  const shownFor = useHistoryView((s) => s.shownFor);
  const inset = useSidePanelInset(viewing !== null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  /** The moment the view's editor holds. */
  const rendered = useRef<number | null>(null);
  const markReady = () => {
    if (root.current) root.current.dataset.ready = String(rendered.current !== null && rendered.current === viewing);
  };
  const onShown = useCallback((at: number | null) => {
    rendered.current = at;
    if (root.current) root.current.dataset.ready = String(at !== null && at === useHistoryView.getState().viewing);
  }, []);
  useEffect(() => {
    if (viewing === null) rendered.current = null;
    markReady();
  });
  // Escape leaves the past, as the bar's "Back to live" does (a dialog open over it keeps its Escape).
  const active = viewing !== null;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector(".ab-modal-backdrop")) backToLive();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active]);

  if (viewing === null) return null;

  const act = async (what: () => Promise<void>) => {
    setBusy(true);
    try {
      await what();
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), "error");
    } finally {
      setBusy(false);
    }
  };
  const restore = () => {
    if (!shown) return;
    backToLive();
    const changed = restorePast(liveApi, shown);
    toast(
      changed === 0
        ? `The board already is as it was at ${momentLabel(shown.at)}.`
        : `Restored the board as it was at ${momentLabel(shown.at)}. Ctrl+Z undoes it.`,
    );
  };
  const openAsBoard = () =>
    act(async () => {
      if (!shown) return;
      const meta = await openPastAsBoard(shown, title);
      backToLive();
      navigate(`/b/${meta.id}`);
    });
  const exportPng = () =>
    act(async () => {
      if (!shown) return;
      const background = liveApi.getAppState().viewBackgroundColor;
      const { name } = await exportPastPng(shown, title, background, useBoardUi.getState().exportOptions);
      toast(`Exported ${name}.`);
    });

  return (
    <div className="ab-past" style={{ right: inset }} data-testid="past-view" ref={root}>
      <div className="ab-past__bar" role="status" data-testid="past-bar">
        <span className="ab-past__label">
          Viewing <strong data-testid="past-time">{momentLabel(viewing)}</strong>
          {!shown && <span className="ab-muted"> · rebuilding…</span>}
        </span>
        <button
          type="button"
          className="ab-button ab-button--primary"
          onClick={() => backToLive()}
          title="Back to the live board (Esc)"
          data-testid="past-live"
        >
          Back to live
        </button>
        <span className="ab-past__sep" aria-hidden />
        <button
          type="button"
          className="ab-button"
          onClick={restore}
          disabled={!shown || readOnly !== null || busy}
          title={readOnly ?? "Make the board look like this again (one change; Ctrl+Z undoes it)"}
          data-testid="past-restore"
        >
          Restore
        </button>
        <button
          type="button"
          className="ab-button"
          onClick={() => void openAsBoard()}
          disabled={!shown || busy}
          data-testid="past-open"
        >
          Open as a new board
        </button>
        <button
          type="button"
          className="ab-button"
          onClick={() => void exportPng()}
          disabled={!shown || busy}
          data-testid="past-export"
        >
          Export PNG
        </button>
        {readOnly && (
          <span className="ab-past__reason ab-muted" data-testid="past-restore-reason">
            {readOnly}
          </span>
        )}
      </div>
      {shown && <PastCanvas liveApi={liveApi} shown={shown} shownFor={shownFor} title={title} onShown={onShown} />}
    </div>
  );
}
