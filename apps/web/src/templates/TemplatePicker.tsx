import { useMemo } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { templates, type Template } from "@archboard/templates";
import { toast } from "../ui/toastStore.ts";
import { anchorKind } from "../placement/blockAnchor.ts";
import { insertBlock, insertTemplate } from "./insertion.ts";
import { groupTemplates, searchTemplates } from "./search.ts";
import { templatePreview } from "./templatePreview.ts";
import { TemplatePreview } from "./TemplatePreview.tsx";
import { useTemplatesUi } from "./templatesStore.ts";
import type { BoardSelection } from "./useBoardSelection.ts";
import { Modal } from "../ui/Modal.tsx";

const KIND_NAMES: Record<string, string> = { db: "database", service: "service" };

/** Inserts a template, or a building block on the selected component; closes the picker. */
export function useInsert(api: ExcalidrawImperativeAPI, anchor: BoardSelection["anchor"]) {
  return async (t: Template) => {
    try {
      const kind = anchorKind(t);
      if (kind && (!anchor || anchor.kind !== kind)) return;
      const added = kind && anchor ? await insertBlock(api, t, anchor.element) : await insertTemplate(api, t);
      useTemplatesUi.getState().close();
      toast(`Added “${t.title}” (${added.length} elements). Ctrl+Z takes it back.`);
    } catch (err) {
      toast(`Could not add the template: ${(err as Error).message}`, "error");
    }
  };
}

function TemplateCard({
  template,
  onPick,
  blockedBy,
}: {
  template: Template;
  onPick: (t: Template) => void;
  blockedBy: string | null;
}) {
  const render = useMemo(() => () => templatePreview(template), [template]);
  return (
    <li className="ab-tpl-card">
      <button
        type="button"
        className="ab-tpl-card__button"
        data-testid="template-card"
        data-template={template.id}
        disabled={blockedBy !== null}
        onClick={() => onPick(template)}
        title={blockedBy ?? `Insert “${template.title}”`}
      >
        <TemplatePreview render={render} label={template.title} />
        <span className="ab-tpl-card__title">{template.title}</span>
        <span className="ab-tpl-card__desc">{template.description}</span>
        {blockedBy && <span className="ab-tpl-card__hint">{blockedBy}</span>}
      </button>
    </li>
  );
}

/** The template picker: search, previews by category, insert on click. */
export function TemplatePicker({ api, selection }: { api: ExcalidrawImperativeAPI; selection: BoardSelection }) {
  const query = useTemplatesUi((s) => s.query);
  const setQuery = useTemplatesUi((s) => s.setQuery);
  const { close, openText } = useTemplatesUi.getState();
  const groups = useMemo(() => groupTemplates(searchTemplates(templates, query)), [query]);
  const insert = useInsert(api, selection.anchor);
  const blockedBy = (t: Template): string | null => {
    const kind = anchorKind(t);
    if (!kind || selection.anchor?.kind === kind) return null;
    return `Select a ${KIND_NAMES[kind] ?? kind} on the board first`;
  };

  return (
    <Modal title="Templates" onClose={close} className="ab-tpl" testId="template-picker">
      <div className="ab-tpl__toolbar">
        <input
          className="ab-input ab-tpl__search"
          type="search"
          autoFocus
          placeholder="Search: chat, cache, sequence, replicas…"
          aria-label="Search templates"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="ab-button" onClick={openText}>
          Diagram from text…
        </button>
      </div>
      <div className="ab-tpl__list">
        {groups.length === 0 && <p className="ab-muted ab-tpl__empty">No template matches “{query}”.</p>}
        {groups.map((g) => (
          <section key={g.category} aria-label={g.title} data-testid={`template-group-${g.category}`}>
            <h3 className="ab-tpl__group">{g.title}</h3>
            {g.category === "building-block" && (
              <p className="ab-hint ab-tpl__group-hint">
                Select a component on the board, then add a block next to it.
              </p>
            )}
            <ul className="ab-tpl__grid">
              {g.templates.map((t) => (
                <TemplateCard key={t.id} template={t} onPick={insert} blockedBy={blockedBy(t)} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Modal>
  );
}
