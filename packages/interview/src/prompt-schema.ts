/**
 * The prompt bank's contract: prompts with their scale hints,
 * the clarifying-questions checklist, the interview phases and the rubric. Scale hints
 * keep the figures as numbers beside the sentence that states them, so a test can
 * redo the arithmetic: estimates are computed, never copied.
 */
import { z } from "zod";

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const Count = z.number().positive().finite();
const Sentence = z.string().trim().min(1).max(400);

/** requests/day = actors × per actor per day; average = per day ÷ 86,400; peak = average × factor. */
export const TrafficEstimateSchema = z.object({
  /** What is counted: "redirects", "location updates". */
  what: z.string().trim().min(1).max(40),
  actors: Count,
  /** "DAU", "drivers", "hosts". */
  actorUnit: z.string().trim().min(1).max(20),
  perActorPerDay: Count,
  perDay: Count,
  avgPerSecond: Count,
  /** 2–10 as coaches teach it. */
  peakFactor: z.number().min(2).max(10),
  peakPerSecond: Count,
  /** The sentence the candidate sees, figures in the order above. */
  text: Sentence,
});

/** storage = items/day × bytes/item × retention days × replication. */
export const StorageEstimateSchema = z.object({
  what: z.string().trim().min(1).max(40),
  itemsPerDay: Count,
  bytesPerItem: Count,
  retentionDays: Count,
  /** Copies kept; 1 where the store replicates internally and bills once. */
  replication: z.number().int().min(1).max(5),
  totalBytes: Count,
  text: Sentence,
});

/** bandwidth = requests per second × bytes per request. */
export const BandwidthEstimateSchema = z.object({
  what: z.string().trim().min(1).max(40),
  perSecond: Count,
  bytesPerRequest: Count,
  bytesPerSecond: Count,
  text: Sentence,
});

export const ScaleHintsSchema = z.object({
  traffic: z.array(TrafficEstimateSchema).min(1).max(3),
  storage: StorageEstimateSchema,
  bandwidth: BandwidthEstimateSchema.optional(),
});

export const PromptSchema = z.object({
  id: Id,
  title: z.string().trim().min(1).max(60),
  /** What the interviewer says to open: 2–4 sentences. */
  statement: z.string().trim().min(40).max(600),
  scale: ScaleHintsSchema,
  /** Interviewer only: what the prompt tests and what a strong answer touches. */
  interviewerHints: z.array(Sentence).min(3).max(8),
  /** Interviewer only: deep-dive questions to pull from. */
  followUps: z.array(Sentence).min(3).max(5),
  /** The starter template (`templates` id) for this prompt. */
  starterTemplateId: z.string().min(1),
});

export const ClarifyingQuestionSchema = z.object({
  id: Id,
  /** The checklist line: "Expected QPS and read/write ratio". */
  topic: z.string().trim().min(1).max(60),
  /** How a candidate might ask it. */
  question: Sentence,
});

export const PhaseSchema = z.object({
  id: Id,
  title: z.string().trim().min(1).max(40),
  /** Default length in the 45-minute round. */
  minutes: z.number().int().positive(),
  /** Upper end when coaches give a range (wrap-up: 5–10). */
  maxMinutes: z.number().int().positive().optional(),
  /** What the candidate does in this phase. */
  goal: Sentence,
});

export const RubricDimensionSchema = z.object({
  id: Id,
  title: z.string().trim().min(1).max(40),
  /** What a 4 looks like. */
  strong: Sentence,
  /** What a 1 looks like. */
  weak: Sentence,
});

export const FinalSignalSchema = z.object({
  id: z.enum(["strong-hire", "hire", "lean-no", "no-hire"]),
  label: z.string().trim().min(1).max(20),
});

export const RubricSchema = z.object({
  scale: z.object({ min: z.literal(1), max: z.literal(4) }),
  dimensions: z.array(RubricDimensionSchema).length(9),
  finalSignals: z.array(FinalSignalSchema).length(4),
});

export const PromptBankSchema = z.object({
  prompts: z.array(PromptSchema).min(1),
  clarifyingQuestions: z.array(ClarifyingQuestionSchema).min(1),
  phases: z.array(PhaseSchema).min(1),
  rubric: RubricSchema,
});

export type TrafficEstimate = z.output<typeof TrafficEstimateSchema>;
export type StorageEstimate = z.output<typeof StorageEstimateSchema>;
export type BandwidthEstimate = z.output<typeof BandwidthEstimateSchema>;
export type ScaleHints = z.output<typeof ScaleHintsSchema>;
export type Prompt = z.output<typeof PromptSchema>;
export type ClarifyingQuestion = z.output<typeof ClarifyingQuestionSchema>;
export type Phase = z.output<typeof PhaseSchema>;
export type RubricDimension = z.output<typeof RubricDimensionSchema>;
export type FinalSignal = z.output<typeof FinalSignalSchema>;
export type Rubric = z.output<typeof RubricSchema>;
export type PromptBank = z.output<typeof PromptBankSchema>;
