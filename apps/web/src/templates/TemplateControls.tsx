import { useEffect, useState } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { getTemplate } from "@archboard/templates";
import { blocksFor } from "../placement/blockAnchor.ts";
import { DiagramFromTextDialog } from "../diagram-from-text/DiagramFromTextDialog.tsx";
import { TemplatePicker, useInsert } from "./TemplatePicker.tsx";
import { useTemplatesUi } from "./templatesStore.ts";
import { keepActivationKeys } from "../ui/keys.ts";
import { useBoardSelection, useTrackBoardSelection } from "./useBoardSelection.ts";
import { useComponentLibrary } from "../component-library/useComponentLibrary.ts";
import { sidebarLeft } from "../placement/viewport.ts";

/** Footer buttons: the picker, and the building blocks that fit the selected component. */
export function TemplateFooterButtons({ api }: { api: ExcalidrawImperativeAPI }) {
  const anchor = useBoardSelection((s) => s.anchor);
  const editable = useBoardSelection((s) => s.editable);
  const insert = useInsert(api, anchor);
  const blocks = blocksFor(anchor?.kind ?? null);
  if (!editable) return null;
  return (
    <div className="ab-tpl-footer" onKeyDown={keepActivationKeys}>
      <button
        type="button"
        className="ab-tpl-footer__button"
        data-testid="open-templates"
        onClick={() => useTemplatesUi.getState().openPicker()}
        title="Templates and building blocks (insert a diagram)"
      >
        Templates
      </button>
      {blocks.map((t) => (
        <button
          key={t.id}
          type="button"
          className="ab-tpl-footer__button ab-tpl-footer__button--block"
          data-testid="block-button"
          data-template={t.id}
          onClick={() => insert(t)}
          title={t.description}
        >
          + {t.title.replace(/^Add /, "")}
        </button>
      ))}
    </div>
  );
}

/** The invitation on an empty board: start from the standard architecture, another template, or text. */
function StartFromTemplate({ api }: { api: ExcalidrawImperativeAPI }) {
  const insert = useInsert(api, null);
  const sidebar = useBoardSelection((s) => s.sidebar);
  const [right, setRight] = useState(0);
  // Centred on the visible canvas, not on the window: a docked sidebar covers the right.
  useEffect(() => {
    const measure = () => setRight(Math.max(0, window.innerWidth - sidebarLeft(api.getAppState())));
    const frame = requestAnimationFrame(measure);
    window.addEventListener("resize", measure);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("resize", measure);
    };
  }, [api, sidebar]);
  const { openPicker, openText } = useTemplatesUi.getState();
  const standard = getTemplate("standard-architecture");
  return (
    <div className="ab-start" style={{ right }} role="region" aria-label="Start from a template">
      <div className="ab-start__card" data-testid="start-from-template">
        <h2>Start from a template</h2>
        <p className="ab-muted">Or just start drawing. Templates stay one click away in the footer.</p>
        <div className="ab-start__actions">
          {standard && (
            <button type="button" className="ab-button ab-button--primary" onClick={() => insert(standard)}>
              Standard architecture
            </button>
          )}
          <button type="button" className="ab-button" onClick={() => openPicker()}>
            Browse templates…
          </button>
          <button type="button" className="ab-button" onClick={openText}>
            Diagram from text…
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * Everything templates add to the board page outside Excalidraw's own slots: the
 * dialogs, the empty-board invitation, the component library and the selection tracking.
 */
export function TemplateLayer({ api }: { api: ExcalidrawImperativeAPI }) {
  useTrackBoardSelection(api);
  useComponentLibrary(api);
  const dialog = useTemplatesUi((s) => s.dialog);
  const selection = useBoardSelection();
  return (
    <>
      {selection.editable && selection.empty && selection.idle && dialog === null && <StartFromTemplate api={api} />}
      {dialog === "picker" && <TemplatePicker api={api} selection={selection} />}
      {dialog === "text" && <DiagramFromTextDialog api={api} />}
    </>
  );
}
