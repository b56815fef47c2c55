import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding, Severity } from "@archboard/diagram-lint";
import { FindingsView } from "./FindingsView.tsx";
import { LintSettings } from "./LintSettings.tsx";
import { useLint } from "./lintStore.ts";
import type * as Y from "yjs";

const GROUPS: Array<{ severity: Severity; label: string }> = [
  { severity: "error", label: "Errors" },
  { severity: "warn", label: "Warnings" },
  { severity: "info", label: "Hints" },
];

/** The diagram check: findings and rule settings, shown as a tab of the board's side panel. */
export function LintPanel({ api, doc }: { api: ExcalidrawImperativeAPI; doc: Y.Doc }) {
  const tab = useLint((s) => s.tab);
  const setTab = useLint((s) => s.setTab);
  // Findings are read by the parts that show them, so a new check does not re-render the panel.
  return (
    <div className="ab-lint" data-testid="lint-panel">
      <div className="ab-lint__tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "findings"} onClick={() => setTab("findings")}>
          Findings
        </button>
        <button type="button" role="tab" aria-selected={tab === "settings"} onClick={() => setTab("settings")}>
          Rules
        </button>
      </div>
      <div className="ab-lint__body">
        {tab === "findings" ? <FindingsView api={api} /> : <LintSettings doc={doc} />}
      </div>
      <LintFooter />
    </div>
  );
}

/** The severity counts of the latest check, for the panel's tab. */
export function LiveSeverityCounts() {
  return <SeverityCounts findings={useLint((s) => s.findings)} />;
}

function LintFooter() {
  const lastRunMs = useLint((s) => s.lastRunMs);
  return (
    <footer className="ab-lint__footer">
      Checked in {lastRunMs.toFixed(1)} ms ·{" "}
      <a href="/rules/" target="_blank" rel="noreferrer">
        All checks
      </a>
    </footer>
  );
}

/** Error, warning and hint counts as coloured pills. */
export function SeverityCounts({ findings }: { findings: readonly Finding[] }) {
  return (
    // Plain text for assistive technology ("2 errors"); the colours and tooltips are for the eye.
    <span className="ab-counts">
      {GROUPS.map(({ severity, label }) => {
        const n = findings.filter((f) => f.severity === severity).length;
        return n > 0 ? (
          <span key={severity} className={`ab-counts__item ab-counts__item--${severity}`} title={label}>
            {n}
            <span className="ab-sr-only"> {label}</span>
          </span>
        ) : null;
      })}
    </span>
  );
}
