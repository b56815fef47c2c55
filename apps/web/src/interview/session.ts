import * as Y from "yjs";
import { z } from "zod";
import { phases as defaultPhases } from "@archboard/interview";
import { ClockSchema, newClock, type Clock } from "./clock.ts";

/**
 * The shared part of a mock interview lives in the board's doc, next to the
 * drawing, so everyone in the room sees the same clock, prompt and checklist:
 *   session.clock   — the interview clock (server times, see clock.ts)
 *   session.prompt  — the chosen prompt: a bank id, or a custom statement
 *   session.report  — the report the interviewer shared with the candidate
 *   clarify         — clarifying questions the candidate has covered (id → true)
 * The interviewer's notes and rubric are NOT here: they live in a separate,
 * private doc (notes.ts) that the server only opens for the interviewer.
 */
export const SESSION_KEY = "session";
export const CLARIFY_KEY = "clarify";

export const PromptChoiceSchema = z.union([
  z.object({ kind: z.literal("bank"), id: z.string().min(1).max(40) }),
  z.object({
    kind: z.literal("custom"),
    title: z.string().trim().min(1).max(80),
    statement: z.string().trim().min(1).max(2000),
  }),
]);
export type PromptChoice = z.infer<typeof PromptChoiceSchema>;

/** A phase picture of a shared report: the moment it shows and its file name. */
export const SharedPhaseSchema = z.object({ at: z.number(), file: z.string().min(1).max(200) });
export type SharedPhase = z.infer<typeof SharedPhaseSchema>;

export const SharedReportSchema = z.object({
  markdown: z.string().max(200_000),
  sharedAt: z.number(),
  /** The pictures of the board by phase the report names (absent on reports shared before they existed). */
  phases: z.array(SharedPhaseSchema).max(12).optional(),
});
export type SharedReport = z.infer<typeof SharedReportSchema>;

const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>(SESSION_KEY);

export const defaultClock = (): Clock =>
  newClock(defaultPhases.map((p) => ({ id: p.id, label: p.title, minutes: p.minutes })));

/** The clock as stored, or a fresh one with the default phases. Invalid data is ignored. */
export function readClock(doc: Y.Doc): Clock {
  const parsed = ClockSchema.safeParse(sessionMap(doc).get("clock"));
  return parsed.success ? parsed.data : defaultClock();
}

/** The clock as stored, or null when no interview clock was ever set (or it is invalid). */
export function readStoredClock(doc: Y.Doc): Clock | null {
  const parsed = ClockSchema.safeParse(sessionMap(doc).get("clock"));
  return parsed.success ? parsed.data : null;
}

export function writeClock(doc: Y.Doc, clock: Clock) {
  sessionMap(doc).set("clock", ClockSchema.parse(clock));
}

export function readPrompt(doc: Y.Doc): PromptChoice | null {
  const parsed = PromptChoiceSchema.safeParse(sessionMap(doc).get("prompt"));
  return parsed.success ? parsed.data : null;
}

export function writePrompt(doc: Y.Doc, prompt: PromptChoice | null) {
  if (prompt) sessionMap(doc).set("prompt", PromptChoiceSchema.parse(prompt));
  else sessionMap(doc).delete("prompt");
}

export function readSharedReport(doc: Y.Doc): SharedReport | null {
  const parsed = SharedReportSchema.safeParse(sessionMap(doc).get("report"));
  return parsed.success ? parsed.data : null;
}

export function shareReport(doc: Y.Doc, markdown: string, now: number, phases: readonly SharedPhase[] = []) {
  sessionMap(doc).set("report", SharedReportSchema.parse({ markdown, sharedAt: now, phases }));
}

export function readClarified(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  for (const [id, done] of doc.getMap<unknown>(CLARIFY_KEY)) if (done === true) out.add(id);
  return out;
}

export function setClarified(doc: Y.Doc, id: string, done: boolean) {
  const map = doc.getMap<unknown>(CLARIFY_KEY);
  if (done) map.set(id, true);
  else map.delete(id);
}

/** Calls back on any change to the shared session (clock, prompt, checklist, report). */
export function observeSession(doc: Y.Doc, onChange: () => void): () => void {
  const a = sessionMap(doc);
  const b = doc.getMap(CLARIFY_KEY);
  a.observe(onChange);
  b.observe(onChange);
  return () => {
    a.unobserve(onChange);
    b.unobserve(onChange);
  };
}
