import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { applyFix, mergeElements } from "../fixes/apply-fix.ts";
import { lint } from "../lint.ts";
import type { SceneElement } from "@archboard/scene";
import { embedScene } from "../scene-file/embed-scene.ts";
import type { ParsedScene } from "../scene-file/parse-scene-file.ts";
import { isPng } from "../scene-file/png.ts";
import type { Finding, FixAction, LintConfig } from "../types.ts";

/**
 * Fixes `--fix` applies without asking: they only attach what is already drawn (bind a
 * label to its shape, an arrow end to the box it rests on) and change no words. A
 * placeholder arrow label is left to the person: it would put text on the board.
 */
const SAFE: ReadonlySet<FixAction["kind"]> = new Set(["bind-text", "bind-arrow"]);
/** Fixing can reveal another fix (a label bound makes an arrow end resolvable): a few rounds at most. */
const MAX_ROUNDS = 5;

/** One change `--fix` made, for the report. */
export interface AppliedFix {
  readonly ruleId: string;
  readonly title: string;
  readonly elementIds: readonly string[];
}

/** Applies every safe fix, round by round, and returns the new elements and what was done. */
export function applySafeFixes(
  elements: readonly SceneElement[],
  config: LintConfig,
): { elements: SceneElement[]; applied: AppliedFix[] } {
  let current = [...elements];
  const applied: AppliedFix[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const finding of lint(current, config)) {
      const index = safeSuggestion(finding);
      if (index < 0) continue;
      // A finding computed before an earlier fix of this round may no longer apply: applyFix then changes nothing.
      const result = applyFix(current, finding, index).elements;
      if (result.length === 0) continue;
      current = mergeElements(current, result);
      applied.push({
        ruleId: finding.ruleId,
        title: finding.suggestions![index]!.title,
        elementIds: finding.elementIds,
      });
      changed = true;
    }
    if (!changed) break;
  }
  return { elements: current, applied };
}

function safeSuggestion(finding: Finding): number {
  return finding.suggestions?.findIndex((s) => s.fix && SAFE.has(s.fix.kind)) ?? -1;
}

/**
 * Writes the fixed scene back in the file's own format: an `.excalidraw` file as JSON
 * with every other field kept; a PNG keeps its image and gets the new scene embedded.
 */
export function writeScene(
  file: string,
  original: Uint8Array,
  scene: ParsedScene,
  elements: readonly SceneElement[],
): void {
  const document = { ...(scene.document ?? { type: "excalidraw", version: 2 }), elements };
  const json = JSON.stringify(document, null, 2);
  if (isPng(original))
    writeFileSync(
      file,
      embedScene(original, json, (b) => deflateSync(b)),
    );
  else writeFileSync(file, `${json}\n`);
}
