import { applyFix, mergeElements, type Finding, type SceneElement } from "@archboard/diagram-lint";
import { bulkFixIndices } from "./rulePhrases.ts";

/**
 * Applies the bulk fixes of every finding (`bulkFixIndices`: the first fix, or both ends
 * of a loose arrow) to a scene, one after another on the result of the last, so each fix
 * sees the elements the previous ones added (a new label's fractional index lands above
 * the one added before it). Returns the whole scene and how many fixes still applied; a
 * fix that no longer applies is skipped.
 */
export function applyFixes<T extends SceneElement>(
  scene: readonly T[],
  findings: readonly Finding[],
): { scene: T[]; applied: number } {
  let current = [...scene];
  let applied = 0;
  for (const finding of findings) {
    for (const index of bulkFixIndices(finding)) {
      const { elements } = applyFix(current, finding, index);
      if (elements.length === 0) continue;
      current = mergeElements(current, elements);
      applied++;
    }
  }
  return { scene: current, applied };
}
