import { useState, type KeyboardEvent } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { runBulkFix } from "./bulkFix.ts";
import { FindingItem } from "./FindingItem.tsx";
import { ruleDocsUrl } from "./lintActions.ts";
import { stepIndex, useLintPanel } from "./lintPanelStore.ts";
import type { RuleGroup } from "./ruleGroups.ts";
import { showElements } from "./showElement.ts";

/** Rows listed at first when a group opens; the rest one click away, so big groups stay cheap. */
const PAGE = 25;

const NEXT_KEYS = new Set(["ArrowDown", "ArrowRight", "n", "j"]);
const PREVIOUS_KEYS = new Set(["ArrowUp", "ArrowLeft", "p", "k"]);

/**
 * One rule's row: its count in plain words, opening to its findings and a stepper that
 * selects and zooms to each element in reading order (buttons, or the arrow keys and
 * N/P while the row has focus).
 */
export function RuleGroupRow({ api, group }: { api: ExcalidrawImperativeAPI; group: RuleGroup }) {
  const open = useLintPanel((s) => s.openRule === group.ruleId);
  const cursor = useLintPanel((s) => (s.cursor?.ruleId === group.ruleId ? s.cursor.index : null));
  const [shown, setShown] = useState(PAGE);
  const total = group.steps.length;
  const currentId = cursor !== null ? group.steps[cursor]?.[0] : undefined;
  const currentRow = currentId === undefined ? -1 : group.findings.findIndex((f) => f.elementIds.includes(currentId));
  // Stepping past the listed rows lists more, so the current one is always there.
  const listed = Math.max(shown, currentRow + 1);

  const step = (delta: 1 | -1) => {
    if (total === 0) return;
    const index = stepIndex(cursor, delta, total);
    useLintPanel.getState().stepTo(group.ruleId, index);
    showElements(api, group.steps[index]!);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || e.altKey || e.ctrlKey || e.metaKey) return;
    const delta = NEXT_KEYS.has(e.key) ? 1 : PREVIOUS_KEYS.has(e.key) ? -1 : 0;
    if (delta === 0) return;
    // Keep the key from the editor, which would otherwise nudge the selected element.
    e.preventDefault();
    e.stopPropagation();
    step(delta);
  };

  return (
    <section
      className={`ab-group ab-group--${group.severity}${open ? " is-open" : ""}`}
      data-testid="lint-group"
      data-rule={group.ruleId}
      data-count={group.count}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="ab-group__head"
        aria-expanded={open}
        onClick={() => {
          useLintPanel.getState().toggleRule(group.ruleId);
          setShown(PAGE);
        }}
      >
        <span className={`ab-dot ab-dot--${group.severity}`} aria-hidden />
        <span className="ab-group__title">{group.title}</span>
        <span className="ab-group__count" aria-hidden>
          {group.size}
        </span>
      </button>
      {open && (
        <div className="ab-group__body">
          <div className="ab-group__tools">
            {total > 0 && (
              <span className="ab-stepper" role="group" aria-label="Step through the board">
                <button
                  type="button"
                  className="ab-stepper__btn"
                  aria-label="Previous element"
                  aria-keyshortcuts="ArrowUp P"
                  onClick={() => step(-1)}
                >
                  ‹
                </button>
                <span className="ab-stepper__pos" data-testid="lint-step-position">
                  {`${cursor === null ? "–" : cursor + 1} of ${total}`}
                </span>
                <button
                  type="button"
                  className="ab-stepper__btn"
                  aria-label="Next element"
                  aria-keyshortcuts="ArrowDown N"
                  onClick={() => step(1)}
                >
                  ›
                </button>
              </span>
            )}
            {group.bulkFix && group.bulkFix.findings.length > 1 && (
              <button type="button" className="ab-chip ab-chip--fix" onClick={() => runBulkFix(api, group)}>
                {group.bulkFix.title}
              </button>
            )}
            <a
              className="ab-chip ab-chip--link"
              href={ruleDocsUrl(group.ruleId)}
              target="_blank"
              rel="noreferrer"
              title={`${group.ruleId} · ${group.alias}`}
            >
              Why?
            </a>
          </div>
          <ul>
            {group.findings.slice(0, listed).map((f, i) => (
              <FindingItem
                key={`${f.elementIds.join(",")}:${i}`}
                api={api}
                finding={f}
                current={i === currentRow}
                onFocus={() => {
                  const index = group.steps.findIndex((step) => f.elementIds.includes(step[0]!));
                  if (index >= 0) useLintPanel.getState().stepTo(group.ruleId, index);
                }}
              />
            ))}
          </ul>
          {group.findings.length > listed && (
            <button type="button" className="ab-group__more" onClick={() => setShown(listed + PAGE * 4)}>
              Show {Math.min(PAGE * 4, group.findings.length - listed)} more of {group.findings.length}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
