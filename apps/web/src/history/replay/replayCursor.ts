/**
 * A position in a board's history that moves cheaply: playing forward
 * applies only the updates passed since the last position to one document;
 * going back rebuilds from the nearest checkpoint. At each position it gives
 * the board, the interview clock and the diagram check's finding count as
 * they were then; the count is computed once per change and kept.
 */
import type { SceneElement } from "@archboard/diagram-lint";
import { readScene, type FileEntry, type SyncedElement } from "@archboard/board-sync";
import { applyAll, rebuildRange, type HistoryEntry } from "@archboard/board-sync/history";
import * as Y from "yjs";
import { clockView, type ClockView } from "../../interview/clock.ts";
import { readStoredClock } from "../../interview/session.ts";
import { lintDoc } from "../../lint/lintDoc.ts";

/** Counts the findings of a rebuilt board; the default lints it as the Check tab would have. */
export type FindingCounter = (elements: readonly SceneElement[], doc: Y.Doc) => number;

/** Lints with the rule settings and estimate the rebuilt doc held then. */
const countFindings: FindingCounter = (elements, doc) => lintDoc(doc, elements).length;

/** The board at one position of a history. */
export interface ReplayMoment {
  /** History time shown (epoch ms; server time for a room's history). */
  readonly at: number;
  /** Index of the last entry applied (-1 before the first). */
  readonly index: number;
  /** Elements in z-order, tombstones included (as Excalidraw keeps them). */
  readonly elements: SyncedElement[];
  readonly files: Record<string, FileEntry>;
  /** The interview clock as it read at `at`; null on a board without an interview. */
  readonly clock: ClockView | null;
}

/** Replays an in-memory history (entries in stored order). */
export class ReplayCursor {
  private doc = new Y.Doc();
  /** Entries applied to `doc`: `[0, applied)` in effect. */
  private applied = 0;
  private readonly findings = new Map<number, number>();
  /** The scene read at the current position, kept until the position changes. */
  private scene: { index: number; elements: SyncedElement[]; files: Record<string, FileEntry> } | null = null;
  /** Distinct change times, oldest first. */
  readonly times: readonly number[];

  constructor(
    private readonly entries: readonly HistoryEntry[],
    private readonly counter: FindingCounter = countFindings,
  ) {
    this.times = [...new Set(entries.map((e) => e.at))];
  }

  /** Index of the last entry stored at or before `at` (-1 when none). */
  indexAt(at: number): number {
    return rebuildRange(this.entries, at).to - 1;
  }

  /**
   * Moves to the state at `at`: forward by applying the entries in between,
   * or by rebuilding from the last checkpoint at or before `at` when going
   * back or when that checkpoint lies past the current position (it alone
   * holds everything before it, so the updates in between need not be read).
   */
  seek(at: number): void {
    const { from, to } = rebuildRange(this.entries, at);
    if (to === this.applied) return;
    let start = this.applied;
    if (to < this.applied || from >= this.applied) {
      this.doc.destroy();
      this.doc = new Y.Doc();
      start = from;
    }
    applyAll(
      this.doc,
      this.entries.slice(start, to).map((e) => e.bytes),
    );
    this.applied = to;
  }

  /** The board, clock and time at the current position (after {@link seek}). */
  moment(at: number): ReplayMoment {
    const index = this.applied - 1;
    if (this.scene?.index !== index) this.scene = { index, ...readScene(this.doc) };
    const scene = this.scene;
    const clock = readStoredClock(this.doc);
    return {
      at,
      index,
      elements: scene.elements,
      files: scene.files,
      clock: clock && clock.status !== "ready" ? clockView(clock, at) : null,
    };
  }

  /** The finding count at the current position, linting only the first time a change is asked for. */
  findingCount(): number {
    const index = this.applied - 1;
    const known = this.findings.get(index);
    if (known !== undefined) return known;
    const elements = readScene(this.doc, { includeDeleted: false }).elements as unknown as SceneElement[];
    const count = this.counter(elements, this.doc);
    this.findings.set(index, count);
    return count;
  }

  /** Whether the finding count at the current position is already known (no lint needed). */
  hasFindingCount(): boolean {
    return this.findings.has(this.applied - 1);
  }

  /** Frees the rebuilt document. */
  destroy(): void {
    this.doc.destroy();
  }
}
