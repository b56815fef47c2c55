import { applyFix, mergeElements, type Finding, type SceneElement } from "@archboard/diagram-lint";
import { firstFix } from "./rulePhrases.ts";

/**
 * Applies the first fix of every finding to a scene, one after another on the result
 * of the last, so each fix sees the elements the previous ones added (a new label's
 * fractional index lands above the one added before it). Returns the whole scene and
 * how many fixes still applied; a finding whose fix no longer applies is skipped.
 */
export function applyFixes<T extends SceneElement>(
  scene: readonly T[],
  findings: readonly Finding[],
): { scene: T[]; applied: number } {
  let current = [...scene];
  let applied = 0;
  for (const finding of findings) {
    const fix = firstFix(finding);
    if (!fix) continue;
    const { elements } = applyFix(current, finding, fix.index);
    if (elements.length === 0) continue;
    current = mergeElements(current, elements);
    applied++;
  }
  return { scene: current, applied };
}
