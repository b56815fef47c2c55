import "./lintView.css";
import { useLayoutEffect } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding } from "@archboard/diagram-lint";
import { FixFirst } from "./FixFirst.tsx";
import { useLintPanel } from "./lintPanelStore.ts";
import { useLint } from "./lintStore.ts";
import { measurePanelShown } from "./panelTiming.ts";
import { severityCounts } from "./ruleGroups.ts";
import { RuleGroupRow } from "./RuleGroupRow.tsx";
import { useRuleGroups } from "./useRuleGroups.ts";

/**
 * The findings tab: how the board is doing (progress since it was opened, or plainly
 * "no errors or warnings"), what to fix first, then every rule with findings as one row.
 */
export function FindingsView({ api }: { api: ExcalidrawImperativeAPI }) {
  const findings = useLint((s) => s.findings);
  const groups = useRuleGroups(api);
  useLayoutEffect(measurePanelShown, [findings]);
  return (
    <div className="ab-lintview">
      <CheckStatus findings={findings} />
      {groups.length > 0 && <FixFirst api={api} groups={groups} />}
      {groups.length > 0 && (
        <section className="ab-lintview__groups" aria-labelledby="ab-lintview-groups-title">
          <div className="ab-lintview__groups-head">
            <h3 id="ab-lintview-groups-title" className="ab-lintview__heading">
              By rule <span className="ab-lintview__total">{findings.length}</span>
            </h3>
            <OverlayToggle />
          </div>
          {groups.map((g) => (
            <RuleGroupRow key={g.ruleId} api={api} group={g} />
          ))}
        </section>
      )}
    </div>
  );
}

/** Progress since the board was opened, and the plain all-clear. */
function CheckStatus({ findings }: { findings: readonly Finding[] }) {
  const openedWith = useLint((s) => s.openedWith);
  const counts = severityCounts(findings);
  const clean = counts.error === 0 && counts.warn === 0;
  const progress = openedWith !== null && openedWith > 0 && openedWith !== findings.length;
  if (!clean && !progress) return null;
  return (
    <div className={`ab-lintview__status${clean ? " is-clean" : ""}`}>
      {clean && (
        <div className="ab-lint__clean" data-testid="lint-clean">
          <strong>No errors or warnings.</strong>
          <span>
            {counts.info === 0
              ? "Nothing to flag right now. Findings appear here as you draw."
              : `${counts.info} ${counts.info === 1 ? "hint" : "hints"} below, if you want to go further.`}
          </span>
        </div>
      )}
      {progress && (
        <p className="ab-lintview__progress" data-testid="lint-progress">
          <strong>
            {openedWith} → {findings.length}
          </strong>{" "}
          since you opened the board
        </p>
      )}
    </div>
  );
}

/** Turns the severity badges on the canvas on and off. */
function OverlayToggle() {
  const overlay = useLintPanel((s) => s.overlay);
  return (
    <label className="ab-lintview__overlay" title="Small badges on the canvas; never part of an export">
      <input type="checkbox" checked={overlay} onChange={(e) => useLintPanel.getState().setOverlay(e.target.checked)} />
      Mark on canvas
    </label>
  );
}
