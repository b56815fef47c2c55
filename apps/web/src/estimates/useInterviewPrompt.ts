import type * as Y from "yjs";
import type { ScaleHints } from "@archboard/estimates";
import { getPrompt } from "@archboard/interview";
import { useSession } from "../interview/useSession.ts";

/** The interviewer's chosen bank prompt with its scale hints; null for others, custom prompts or none. */
export function useInterviewPrompt(doc: Y.Doc, isInterviewer: boolean): { title: string; scale: ScaleHints } | null {
  const { prompt } = useSession(doc);
  if (!isInterviewer || prompt?.kind !== "bank") return null;
  const bank = getPrompt(prompt.id);
  return bank ? { title: bank.title, scale: bank.scale } : null;
}
