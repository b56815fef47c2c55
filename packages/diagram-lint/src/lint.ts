import type { SceneElement } from "@archboard/scene";
import { buildModel } from "./model/build-model.ts";
import type { DiagramModel } from "./model/types.ts";
import { ALL_RULES, findRule } from "./rules/index.ts";
import type { Finding, LintConfig, Rule, RuleSetting, Severity } from "./types.ts";

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warn: 1, info: 2 };

/**
 * Lints a scene: builds the model once, runs every enabled rule, and returns findings
 * sorted by severity (errors first), then rule id. Accepts any Excalidraw elements,
 * deleted ones included (they are ignored).
 */
export function lint(elements: readonly SceneElement[], config: LintConfig = {}): Finding[] {
  return lintModel(buildModel(elements), config);
}

/** Runs the rules over a model already built (the web app can reuse one per change). */
export function lintModel(model: DiagramModel, config: LintConfig = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const severity = severityFor(rule, config);
    if (severity === "off") continue;
    for (const hit of rule.check(model, config)) {
      // Safety net: rules skip silenced elements themselves, but a hit naming one is dropped.
      if (hit.elementIds.some((id) => model.isDisabled(id, rule))) continue;
      findings.push({
        ruleId: rule.id,
        alias: rule.alias,
        severity,
        message: hit.message,
        elementIds: hit.elementIds,
        ...(hit.suggestions && hit.suggestions.length > 0 ? { suggestions: hit.suggestions } : {}),
      });
    }
  }
  // Rule ids are "SD" and three digits: compared as plain strings (`localeCompare` asks the
  // collator, which made the sort twice as slow).
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** The configured setting for a rule: by id, else by alias, else its default. */
export function severityFor(rule: Rule, config: LintConfig): RuleSetting {
  const settings = config.rules ?? {};
  for (const [key, value] of Object.entries(settings)) {
    if (findRule(key) === rule && isSetting(value)) return value;
  }
  return rule.defaultSeverity;
}

function isSetting(v: unknown): v is RuleSetting {
  return v === "off" || v === "info" || v === "warn" || v === "error";
}
