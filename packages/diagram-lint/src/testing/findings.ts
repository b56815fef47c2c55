import { lint } from "../lint.ts";
import type { SceneElement } from "@archboard/scene";
import type { Finding, LintConfig } from "../types.ts";

/** Findings of one rule only, with every other rule left at its default. */
export function findingsOf(ruleId: string, elements: readonly SceneElement[], config: LintConfig = {}): Finding[] {
  return lint(elements, config).filter((f) => f.ruleId === ruleId);
}
