import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Severity } from "@archboard/diagram-lint";
import { runBulkFix } from "./bulkFix.ts";
import { dimensionTitle } from "./fixPriority.ts";
import { useLintPanel } from "./lintPanelStore.ts";
import type { RuleGroup } from "./ruleGroups.ts";
import { showElements } from "./showElement.ts";

/** How many rules the summary names: the few worth doing now, not a second list. */
const TOP = 3;

export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: "Error", warn: "Warning", info: "Hint" };

/** Opens a group at its first step (selected and zoomed to), or just opens it. */
function openAtFirst(api: ExcalidrawImperativeAPI, group: RuleGroup) {
  const first = group.steps[0];
  if (first === undefined) {
    if (useLintPanel.getState().openRule !== group.ruleId) useLintPanel.getState().toggleRule(group.ruleId);
    return;
  }
  useLintPanel.getState().stepTo(group.ruleId, 0);
  showElements(api, first);
}

/**
 * "What to fix first": the top rules by severity and by the weight of the rubric
 * dimension they speak to, each with its one-click fix where there is one. Fixes of
 * rules further down are offered on one line beneath.
 */
export function FixFirst({ api, groups }: { api: ExcalidrawImperativeAPI; groups: readonly RuleGroup[] }) {
  const top = groups.slice(0, TOP);
  const laterFixes = groups.slice(TOP).filter((g) => g.bulkFix);
  return (
    <section className="ab-fixfirst" aria-labelledby="ab-fixfirst-title">
      <h3 id="ab-fixfirst-title" className="ab-lintview__heading">
        What to fix first
      </h3>
      <ol>
        {top.map((g) => (
          <li
            key={g.ruleId}
            className={`ab-fixfirst__item ab-fixfirst__item--${g.severity}`}
            data-testid="lint-fix-first"
            data-rule={g.ruleId}
          >
            <button type="button" className="ab-fixfirst__what" onClick={() => openAtFirst(api, g)} title={g.headline}>
              {g.headline}
            </button>
            <span className="ab-fixfirst__why">
              {SEVERITY_WORD[g.severity]} · {dimensionTitle(g.dimension)}
            </span>
            {g.bulkFix && (
              <button type="button" className="ab-chip ab-chip--fix" onClick={() => runBulkFix(api, g)}>
                {g.bulkFix.title}
              </button>
            )}
          </li>
        ))}
      </ol>
      {laterFixes.length > 0 && (
        <p className="ab-fixfirst__more">
          <span>Also one click:</span>
          {laterFixes.map((g) => (
            <button
              key={g.ruleId}
              type="button"
              className="ab-chip ab-chip--fix"
              data-rule={g.ruleId}
              onClick={() => runBulkFix(api, g)}
            >
              {g.bulkFix!.title}
            </button>
          ))}
        </p>
      )}
    </section>
  );
}
