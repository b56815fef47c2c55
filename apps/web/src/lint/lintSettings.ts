import * as Y from "yjs";
import { findRule, type LintConfig, type RuleSetting } from "@archboard/diagram-lint";

/** The board's lint settings live in its doc, so everyone in a shared room lints alike. */
export const LINT_SETTINGS_KEY = "lintRules";

const SETTINGS: ReadonlySet<string> = new Set(["off", "info", "warn", "error"]);

const rulesMap = (doc: Y.Doc) => doc.getMap<RuleSetting>(LINT_SETTINGS_KEY);

/** The board's lint config: only valid settings for known rules are kept. */
export function readLintConfig(doc: Y.Doc): LintConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of rulesMap(doc)) {
    if (findRule(id) && SETTINGS.has(setting)) rules[id] = setting;
  }
  return { rules };
}

/** Sets a rule's severity for this board; `"default"` goes back to the rule's own. */
export function setRuleSetting(doc: Y.Doc, ruleId: string, setting: RuleSetting | "default") {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`Unknown lint rule: ${ruleId}`);
  const map = rulesMap(doc);
  if (setting === "default" || setting === rule.defaultSeverity) map.delete(rule.id);
  else map.set(rule.id, setting);
}

/** Calls back whenever the settings change, locally or from a collaborator. */
export function observeLintConfig(doc: Y.Doc, onChange: (config: LintConfig) => void): () => void {
  const map = rulesMap(doc);
  const handler = () => onChange(readLintConfig(doc));
  map.observe(handler);
  return () => map.unobserve(handler);
}
