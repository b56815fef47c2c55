/**
 * The board at the end of each interview phase, for the report: where each
 * phase ended (the cut points, from the shared clock), and the board and its
 * finding count at each, rebuilt from the board's history. Only the board's
 * history is read, never the interviewer's notes, so the candidate's copy can
 * carry the same pictures.
 */
import { readScene } from "@archboard/board-sync";
import type { SceneElement } from "@archboard/diagram-lint";
import type * as Y from "yjs";
import { lintDoc } from "../lint/lintDoc.ts";
import { phaseEnds, type Clock } from "./clock.ts";

/** The moment a phase ended (or, for the phase under way, the moment the report was made). */
export interface PhaseCut {
  readonly index: number;
  readonly label: string;
  /** Server time (epoch ms). */
  readonly at: number;
  /** False for the phase still running when the report was made. */
  readonly complete: boolean;
}

/** A phase's line in the report: its cut, the finding count then, the picture's file name. */
export interface PhaseBoard extends PhaseCut {
  readonly findings: number;
  readonly file: string;
  /** Nothing was drawn yet: no picture is made. */
  readonly empty: boolean;
}

/** The cut points of the phases reached by `now` (server time); none before the interview starts. */
export function phaseCuts(clock: Clock, now: number): PhaseCut[] {
  if (clock.status === "ready") return [];
  const label = (i: number) => clock.phases[i]?.label ?? `Phase ${i + 1}`;
  const cuts: PhaseCut[] = phaseEnds(clock).map((at, index) => ({ index, label: label(index), at, complete: true }));
  if (clock.status !== "finished") {
    const last = cuts.at(-1)?.at ?? Number.NEGATIVE_INFINITY;
    cuts.push({ index: clock.phaseIndex, label: label(clock.phaseIndex), at: Math.max(now, last), complete: false });
  }
  return cuts;
}

/**
 * Each cut with its finding count, the board rebuilt by `boardAt` (which
 * hands over a document the caller of this function no longer needs: it is
 * destroyed here) and `render` given the chance to make its picture (of a
 * board with something on it).
 */
export async function phaseBoards(
  cuts: readonly PhaseCut[],
  boardAt: (at: number) => Promise<Y.Doc>,
  fileFor: (cut: PhaseCut) => string,
  render?: (doc: Y.Doc, cut: PhaseCut, file: string) => Promise<void>,
): Promise<PhaseBoard[]> {
  const out: PhaseBoard[] = [];
  for (const cut of cuts) {
    const doc = await boardAt(cut.at);
    try {
      const file = fileFor(cut);
      const elements = readScene(doc, { includeDeleted: false }).elements as unknown as SceneElement[];
      out.push({ ...cut, findings: lintDoc(doc, elements).length, file, empty: elements.length === 0 });
      if (elements.length > 0) await render?.(doc, cut, file);
    } finally {
      doc.destroy();
    }
  }
  return out;
}
