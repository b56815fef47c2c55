/**
 * @archboard/interview: the mock interview's content as validated data — the prompt
 * bank (statements, scale hints, follow-ups, the starter template of each), the
 * clarifying-questions checklist, the phases of the round and the rubric.
 * Pure TypeScript: no React, no DOM.
 */
export { promptBank, getPrompt } from "./prompts.ts";
export { clarifyingQuestions, phases, designChecklist, rubric } from "./round.ts";
export {
  PromptBankSchema,
  PromptSchema,
  ScaleHintsSchema,
  TrafficEstimateSchema,
  StorageEstimateSchema,
  BandwidthEstimateSchema,
  ClarifyingQuestionSchema,
  PhaseSchema,
  RubricSchema,
  RubricDimensionSchema,
  FinalSignalSchema,
  type PromptBank,
  type Prompt,
  type ScaleHints,
  type TrafficEstimate,
  type StorageEstimate,
  type BandwidthEstimate,
  type ClarifyingQuestion,
  type Phase,
  type Rubric,
  type RubricDimension,
  type FinalSignal,
} from "./prompt-schema.ts";
