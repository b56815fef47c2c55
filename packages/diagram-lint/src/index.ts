/**
 * @archboard/diagram-lint: Excalidraw scene → model (boxes, edges, kinds, figures) →
 * rules SD001–SD021 → findings, plus mechanical fixes and scene-file decoding.
 * Pure TypeScript: no React, no DOM, no app or server imports.
 */
export { buildModel } from "./model/build-model.ts";
export type { SceneElement, Rect, Point } from "@archboard/scene";
export type { Box, Edge, TextItem, DiagramModel, LabelSource } from "./model/types.ts";
export { KINDS, TIER, type Kind } from "./model/kinds.ts";
export type { NumberMention, NumberKind } from "./model/numbers.ts";
export { lint, lintModel, severityFor } from "./lint.ts";
export { rules, findRule } from "./rules/index.ts";
export { applyFix, mergeElements, type FixResult } from "./fixes/apply-fix.ts";
export {
  isPng,
  readPngChunks,
  decodeTextChunk,
  encodePngChunk,
  latin1,
  byteStringToBytes,
  PNG_SIGNATURE,
  type PngChunk,
} from "./scene-file/png.ts";
export {
  parseSceneFile,
  SceneFileError,
  MAX_SCENE_BYTES,
  type ParsedScene,
  type ParseOptions,
} from "./scene-file/parse-scene-file.ts";
export type {
  Finding,
  FixAction,
  LintConfig,
  Rule,
  RuleCategory,
  RuleHit,
  RuleMeta,
  RuleSetting,
  Severity,
  Suggestion,
} from "./types.ts";
