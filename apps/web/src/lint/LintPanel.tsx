import { useState } from "react";
import { Sidebar } from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Finding, Severity } from "@archboard/diagram-lint";
import { toast } from "../ui/toastStore.ts";
import { applySuggestion, focusFinding, ignoreRuleFor, ruleDocsUrl } from "./lintActions.ts";
import { LintSettings } from "./LintSettings.tsx";
import { useLint } from "./lintStore.ts";
import type * as Y from "yjs";

export const LINT_SIDEBAR = "lint";

const GROUPS: Array<{ severity: Severity; label: string }> = [
  { severity: "error", label: "Errors" },
  { severity: "warn", label: "Warnings" },
  { severity: "info", label: "Hints" },
];

function FindingItem({ api, finding }: { api: ExcalidrawImperativeAPI; finding: Finding }) {
  const setHovered = useLint((s) => s.setHovered);
  const clickable = finding.elementIds.length > 0;
  return (
    <li
      className={`ab-finding ab-finding--${finding.severity}${clickable ? " is-clickable" : ""}`}
      data-testid="lint-finding"
      data-rule={finding.ruleId}
      onMouseEnter={() => setHovered(finding.elementIds)}
      onMouseLeave={() => setHovered([])}
    >
      <button
        type="button"
        className="ab-finding__main"
        disabled={!clickable}
        title={clickable ? "Select on the board" : undefined}
        onClick={() => focusFinding(api, finding)}
      >
        <span className="ab-finding__rule">
          {finding.ruleId} · {finding.alias}
        </span>
        <span className="ab-finding__message">{finding.message}</span>
      </button>
      <div className="ab-finding__actions">
        {finding.suggestions?.map((s, i) =>
          s.fix ? (
            <button
              key={s.title}
              type="button"
              className="ab-chip ab-chip--fix"
              onClick={() => {
                if (!applySuggestion(api, finding, i)) toast("That fix no longer applies: the board changed.", "error");
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
        <a className="ab-chip ab-chip--link" href={ruleDocsUrl(finding.ruleId)} target="_blank" rel="noreferrer">
          Why?
        </a>
      </div>
    </li>
  );
}

function Findings({ api }: { api: ExcalidrawImperativeAPI }) {
  const findings = useLint((s) => s.findings);
  const [collapsed, setCollapsed] = useState<Partial<Record<Severity, boolean>>>({});
  if (findings.length === 0) {
    return (
      <div className="ab-lint__clean" data-testid="lint-clean">
        <strong>No findings.</strong>
        <span>Nothing to flag right now. Findings appear here as you draw.</span>
      </div>
    );
  }
  return (
    <div className="ab-lint__groups">
      {GROUPS.map(({ severity, label }) => {
        const items = findings.filter((f) => f.severity === severity);
        if (items.length === 0) return null;
        const open = !collapsed[severity];
        return (
          <section key={severity} className="ab-lint__group">
            <button
              type="button"
              className="ab-lint__group-head"
              aria-expanded={open}
              onClick={() => setCollapsed({ ...collapsed, [severity]: open })}
            >
              <span className={`ab-dot ab-dot--${severity}`} />
              {label}
              <span className="ab-count">{items.length}</span>
            </button>
            {open && (
              <ul>
                {items.map((f, i) => (
                  <FindingItem key={`${f.ruleId}:${f.elementIds.join(",")}:${i}`} api={api} finding={f} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The diagram check panel, docked in Excalidraw's sidebar. */
export function LintPanel({ api, doc }: { api: ExcalidrawImperativeAPI; doc: Y.Doc }) {
  const [docked, setDocked] = useState(true);
  const tab = useLint((s) => s.tab);
  const setTab = useLint((s) => s.setTab);
  const findings = useLint((s) => s.findings);
  const lastRunMs = useLint((s) => s.lastRunMs);
  return (
    <Sidebar name={LINT_SIDEBAR} docked={docked} onDock={setDocked} className="ab-lint">
      <Sidebar.Header>
        <div className="ab-lint__title">
          Diagram check
          <SeverityCounts findings={findings} />
        </div>
      </Sidebar.Header>
      <div className="ab-lint__tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === "findings"} onClick={() => setTab("findings")}>
          Findings
        </button>
        <button type="button" role="tab" aria-selected={tab === "settings"} onClick={() => setTab("settings")}>
          Rules
        </button>
      </div>
      <div className="ab-lint__body">{tab === "findings" ? <Findings api={api} /> : <LintSettings doc={doc} />}</div>
      <footer className="ab-lint__footer">
        Checked in {lastRunMs.toFixed(1)} ms ·{" "}
        <a href="/rules/" target="_blank" rel="noreferrer">
          All checks
        </a>
      </footer>
    </Sidebar>
  );
}

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
