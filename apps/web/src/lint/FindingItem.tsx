import { useEffect, useRef } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding } from "@archboard/diagram-lint";
import { toast } from "../ui/toastStore.ts";
import { applySuggestion, focusFinding, ignoreRuleFor } from "./lintActions.ts";
import { useLint } from "./lintStore.ts";

interface Props {
  api: ExcalidrawImperativeAPI;
  finding: Finding;
  /** Stepping stands on one of this finding's elements. */
  current: boolean;
  /** Called after the finding's elements were selected from its row. */
  onFocus: () => void;
}

/** One finding inside an open rule group: its sentence and what can be done about it. */
export function FindingItem({ api, finding, current, onFocus }: Props) {
  const setHovered = useLint((s) => s.setHovered);
  const clickable = finding.elementIds.length > 0;
  const row = useRef<HTMLLIElement>(null);
  // The row stepping stands on stays in view as the panel scrolls.
  useEffect(() => {
    if (current) row.current?.scrollIntoView?.({ block: "nearest" });
  }, [current]);
  return (
    <li
      ref={row}
      className={`ab-finding ab-finding--${finding.severity}${clickable ? " is-clickable" : ""}${current ? " is-current" : ""}`}
      data-testid="lint-finding"
      data-rule={finding.ruleId}
      aria-current={current || undefined}
      onMouseEnter={() => setHovered(finding.elementIds)}
      onMouseLeave={() => setHovered([])}
    >
      <button
        type="button"
        className="ab-finding__main"
        disabled={!clickable}
        title={clickable ? "Select on the board" : undefined}
        onClick={() => {
          focusFinding(api, finding);
          onFocus();
        }}
      >
        <span className="ab-finding__message">{finding.message}</span>
      </button>
      {(clickable || finding.suggestions?.some((s) => s.fix)) && (
        <div className="ab-finding__actions">
          {finding.suggestions?.map((s, i) =>
            s.fix ? (
              <button
                key={s.title}
                type="button"
                className="ab-chip ab-chip--fix"
                onClick={async () => {
                  if (!(await applySuggestion(api, finding, i)))
                    toast("That fix no longer applies: the board changed.", "error");
                }}
              >
                {s.title}
              </button>
            ) : null,
          )}
          {clickable && (
            <button
              type="button"
              className="ab-chip"
              onClick={() => ignoreRuleFor(api, finding)}
              title={`Never report ${finding.ruleId} for these elements`}
            >
              Ignore here
            </button>
          )}
        </div>
      )}
    </li>
  );
}
