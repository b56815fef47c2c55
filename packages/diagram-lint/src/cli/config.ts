import { existsSync, readFileSync } from "node:fs";
import { dirname, join, parse } from "node:path";
import { findRule } from "../rules/index.ts";
import type { LintConfig, RuleSetting } from "../types.ts";

/** The config file the CLI looks for, from a diagram's folder up to the root. */
export const CONFIG_FILE = "archboard-lint.json";

const SETTINGS: readonly RuleSetting[] = ["off", "info", "warn", "error"];

export class ConfigError extends Error {}

/**
 * The nearest `archboard-lint.json` at or above `dir`, or null. Found per diagram, so a
 * repository can keep different settings for different folders.
 */
export function findConfig(dir: string): string | null {
  let current = dir;
  const { root } = parse(dir);
  for (;;) {
    const candidate = join(current, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (current === root) return null;
    current = dirname(current);
  }
}

/**
 * Reads and checks a config file: `{"rules": {"SD006": "off", "arrow-numbers": "warn"}}`.
 * Unknown rules, unknown settings and unknown keys are errors with a one-line reason
 * (a typo in a setting should not silently leave a rule on).
 */
export function loadConfig(path: string): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "not valid JSON";
    throw new ConfigError(`config ${path}: ${reason}`);
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new ConfigError(`config ${path}: expected an object like {"rules": {"SD006": "off"}}`);
  for (const key of Object.keys(raw))
    if (key !== "rules" && key !== "$schema")
      throw new ConfigError(`config ${path}: unknown key "${key}" (only "rules" is read)`);
  const rules = (raw as { rules?: unknown }).rules ?? {};
  if (!rules || typeof rules !== "object" || Array.isArray(rules))
    throw new ConfigError(`config ${path}: "rules" must map rule ids or aliases to off, info, warn or error`);
  const checked: Record<string, RuleSetting> = {};
  for (const [rule, setting] of Object.entries(rules)) {
    if (!findRule(rule)) throw new ConfigError(`config ${path}: unknown rule "${rule}"`);
    if (!SETTINGS.includes(setting as RuleSetting))
      throw new ConfigError(
        `config ${path}: "${rule}" must be off, info, warn or error, not ${JSON.stringify(setting)}`,
      );
    checked[rule] = setting as RuleSetting;
  }
  return { rules: checked };
}
