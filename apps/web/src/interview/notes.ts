import * as Y from "yjs";
import { z } from "zod";

/**
 * The interviewer's private doc: timestamped notes and the rubric. It is a
 * separate Y.Doc synced through `/sync/<room>/notes`, which the server opens
 * only for an interviewer token, and it is kept in this browser too.
 */
export const NoteSchema = z.object({
  id: z.string(),
  /** Server time the note was written. */
  at: z.number(),
  /** The clock phase it was written in, and how far into the interview. */
  phaseLabel: z.string().max(60),
  elapsedMs: z.number().min(0),
  text: z.string().trim().min(1).max(4000),
});
export type Note = z.infer<typeof NoteSchema>;

export const ScoreSchema = z.object({ score: z.number().int().min(1).max(4).nullable(), note: z.string().max(2000) });
export type Score = z.infer<typeof ScoreSchema>;

export const SignalSchema = z.enum(["strong-hire", "hire", "lean-no", "no-hire"]);
export type Signal = z.infer<typeof SignalSchema>;

const notesArray = (doc: Y.Doc) => doc.getArray<unknown>("notes");
const rubricMap = (doc: Y.Doc) => doc.getMap<unknown>("rubric");

export function readNotes(doc: Y.Doc): Note[] {
  return notesArray(doc)
    .toArray()
    .flatMap((n) => {
      const parsed = NoteSchema.safeParse(n);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.at - b.at);
}

export function addNote(doc: Y.Doc, note: Omit<Note, "id">) {
  notesArray(doc).push([NoteSchema.parse({ ...note, id: `${note.at}-${Math.random().toString(36).slice(2, 8)}` })]);
}

export function deleteNote(doc: Y.Doc, id: string) {
  const arr = notesArray(doc);
  const i = arr.toArray().findIndex((n) => (n as { id?: unknown }).id === id);
  if (i >= 0) arr.delete(i, 1);
}

export function readScores(doc: Y.Doc): Record<string, Score> {
  const out: Record<string, Score> = {};
  for (const [key, value] of rubricMap(doc)) {
    if (key === "signal") continue;
    const parsed = ScoreSchema.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}

export function setScore(doc: Y.Doc, dimension: string, score: Score) {
  rubricMap(doc).set(dimension, ScoreSchema.parse(score));
}

export function readSignal(doc: Y.Doc): Signal | null {
  const parsed = SignalSchema.safeParse(rubricMap(doc).get("signal"));
  return parsed.success ? parsed.data : null;
}

export function setSignal(doc: Y.Doc, signal: Signal | null) {
  if (signal) rubricMap(doc).set("signal", signal);
  else rubricMap(doc).delete("signal");
}

export function observeNotes(doc: Y.Doc, onChange: () => void): () => void {
  const a = notesArray(doc);
  const b = rubricMap(doc);
  a.observe(onChange);
  b.observe(onChange);
  return () => {
    a.unobserve(onChange);
    b.unobserve(onChange);
  };
}
