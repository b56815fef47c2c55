import { useEffect, useRef } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { Modal } from "../ui/Modal.tsx";
import { toast } from "../ui/toastStore.ts";
import { insertAtFreeSpot } from "../templates/insertion.ts";
import { problemText } from "./mermaidText.ts";
import { useTemplatesUi } from "../templates/templatesStore.ts";
import { useMermaidPreview } from "./useMermaidPreview.ts";

/** Mermaid flowchart or sequence diagram → editable shapes, with a live preview. */
export function DiagramFromTextDialog({ api }: { api: ExcalidrawImperativeAPI }) {
  const text = useTemplatesUi((s) => s.mermaid);
  const { setMermaid, close, openPicker } = useTemplatesUi.getState();
  const { busy, result, svg } = useMermaidPreview(text);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    previewRef.current?.replaceChildren(...(svg ? [svg] : []));
  }, [svg]);

  const ready = !busy && result?.ok === true;
  const insert = () => {
    if (!result?.ok) return;
    const added = insertAtFreeSpot(api, result.elements);
    close();
    toast(`Added the diagram (${added.length} elements). Ctrl+Z takes it back.`);
  };

  return (
    <Modal
      title="Diagram from text"
      onClose={close}
      className="ab-mmd"
      testId="mermaid-dialog"
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && ready) insert();
      }}
    >
      <div className="ab-mmd__body">
        <div className="ab-mmd__editor">
          <label className="ab-field__label" htmlFor="ab-mmd-text">
            Mermaid flowchart or sequence diagram
          </label>
          <textarea
            id="ab-mmd-text"
            className="ab-mmd__text"
            spellCheck={false}
            autoFocus
            value={text}
            onChange={(e) => setMermaid(e.target.value)}
            data-testid="mermaid-text"
          />
          <p className="ab-hint">
            Boxes get kinds from their labels (Client, API, Cache, Database…), so the diagram check understands them.
          </p>
        </div>
        <div className="ab-mmd__side">
          <div className="ab-mmd__preview" role="region" aria-label="Preview" aria-busy={busy}>
            <div ref={previewRef} className="ab-mmd__svg" data-testid="mermaid-preview" />
            {!svg && <p className="ab-muted">{busy ? "Drawing…" : "Nothing to show yet"}</p>}
          </div>
          {result && !result.ok && (
            <div className="ab-mmd__error" role="alert" data-testid="mermaid-error">
              <p>{problemText(result.problem)}</p>
              {result.problem.excerpt && <pre>{result.problem.excerpt}</pre>}
            </div>
          )}
          <div className="ab-modal__actions">
            <button type="button" className="ab-button" onClick={() => openPicker()}>
              Templates…
            </button>
            <button
              type="button"
              className="ab-button ab-button--primary"
              disabled={!ready}
              onClick={insert}
              data-testid="mermaid-insert"
            >
              Insert
            </button>
          </div>
        </div>
      </div>
    </Modal>
  );
}
