import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { rules, type RuleSetting } from "@archboard/diagram-lint";
import { observeLintConfig, readLintConfig, setRuleSetting } from "./lintSettings.ts";
import { ruleDocsUrl } from "./lintActions.ts";

const OPTIONS: RuleSetting[] = ["off", "info", "warn", "error"];

/** Per-board rule settings, stored in the board's doc (shared in a room). */
export function LintSettings({ doc }: { doc: Y.Doc }) {
  const [config, setConfig] = useState(() => readLintConfig(doc));
  useEffect(() => observeLintConfig(doc, setConfig), [doc]);
  return (
    <div className="ab-rules">
      <p className="ab-rules__intro">Settings apply to this board, for everyone on it.</p>
      <ul>
        {rules.map((rule) => {
          const setting = config.rules?.[rule.id] ?? rule.defaultSeverity;
          const changed = setting !== rule.defaultSeverity;
          return (
            <li key={rule.id} className="ab-rule" data-testid="lint-rule" data-rule={rule.id}>
              <div className="ab-rule__text">
                <a href={ruleDocsUrl(rule.id)} target="_blank" rel="noreferrer" className="ab-rule__id">
                  {rule.id}
                </a>
                <span className="ab-rule__title">{rule.title}</span>
              </div>
              <select
                aria-label={`${rule.id} ${rule.alias} severity`}
                value={setting}
                className={changed ? "is-changed" : ""}
                onChange={(e) => setRuleSetting(doc, rule.id, e.target.value as RuleSetting)}
              >
                {OPTIONS.map((o) => (
                  <option key={o} value={o}>
                    {o === rule.defaultSeverity ? `${o} (default)` : o}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
