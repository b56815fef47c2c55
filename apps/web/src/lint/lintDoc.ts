/**
 * The diagram check of a board held in a document (a live one or one rebuilt
 * from history): its visible elements, checked with the rule settings and
 * estimate that document holds, as the Check tab would have checked it then.
 */
import { lint, type Finding, type SceneElement } from "@archboard/diagram-lint";
import { readScene } from "@archboard/board-sync";
import type * as Y from "yjs";
import { boardEstimate } from "../estimates/estimatesDoc.ts";
import { readLintConfig } from "./lintSettings.ts";

/** Findings of the board in `doc`; pass `elements` when they are already read (visible ones only). */
export function lintDoc(doc: Y.Doc, elements?: readonly SceneElement[]): Finding[] {
  const visible =
    elements ?? (readScene(doc, { includeDeleted: false }).elements as unknown as readonly SceneElement[]);
  return lint(visible, { ...readLintConfig(doc), estimate: boardEstimate(doc) });
}
