/**
 * What an author tells the linter through an element's `customData.lint`: rules to
 * ignore on it, and what a shape is when its look would mislead (a note, a legend).
 */
import type { SceneElement } from "@archboard/scene";

/** Rule ids or aliases listed in `customData.lint.disable`, upper/lower case as written. */
export function disabledRules(el: SceneElement | undefined): readonly string[] {
  const lint = el?.customData?.["lint"];
  if (!lint || typeof lint !== "object") return [];
  const list = (lint as { disable?: unknown }).disable;
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
}

/** `customData.lint.role` (e.g. "note", "legend"): the author says what a shape is. */
export function lintRole(el: SceneElement): string | null {
  const lint = el.customData?.["lint"];
  if (!lint || typeof lint !== "object") return null;
  const role = (lint as { role?: unknown }).role;
  return typeof role === "string" ? role : null;
}
