/**
 * @archboard/estimates: back-of-the-envelope estimates. One reader for figures as people
 * type them ("12k QPS", "5 TB/day"), the estimate model (inputs → derived figures with
 * their formulas), display units and the CLI table. Pure TypeScript: no React, no DOM,
 * no other workspace package.
 */
export * from "./quantity/index.ts";
export {
  FIELDS,
  FIELD_IDS,
  readField,
  readInputs,
  describe,
  formatFieldValue,
  type FieldId,
  type FieldSpec,
  type FieldUnit,
  type FieldReading,
  type EstimateInputs,
  type EstimateTexts,
} from "./fields.ts";
export {
  deriveEstimate,
  estimateFromTexts,
  figureOf,
  DERIVED_IDS,
  SECONDS_PER_DAY,
  type DerivedId,
  type DerivedFigure,
  type DerivedUnit,
  type Estimate,
} from "./derive.ts";
export * from "./format.ts";
export { renderTable, estimateJson } from "./table.ts";
export { trafficDirection, saysAverage, type Direction } from "./direction.ts";
export { textsFromScaleHints, type ScaleHints, type TrafficHint, type StorageHint } from "./prefill.ts";
export { noteLines, NOTE_TITLE } from "./note.ts";
export {
  StoredEstimateSchema,
  storeEstimate,
  readStoredEstimate,
  MAX_INPUT_LENGTH,
  type StoredEstimate,
} from "./stored.ts";
