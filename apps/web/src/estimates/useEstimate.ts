import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import { deriveEstimate, readInputs, type Estimate, type EstimateTexts } from "@archboard/estimates";
import { boardEstimate, observeEstimate, readEstimateTexts } from "./estimatesDoc.ts";
import { findNote, updateNote } from "./estimateNote.ts";

/** How long after the last keystroke the note on the board is rewritten: one undo step per pause. */
export const NOTE_UPDATE_MS = 700;

/**
 * The board's estimate as typed and as derived, re-read on every change (local or a
 * partner's). The texts object changes identity only when the doc changes.
 */
export function useEstimate(doc: Y.Doc): {
  texts: EstimateTexts;
  estimate: Estimate;
  errors: ReturnType<typeof readInputs>["errors"];
} {
  const cache = useRef<{ texts: EstimateTexts } | null>(null);
  const texts = useSyncExternalStore(
    (onChange) =>
      observeEstimate(doc, () => {
        cache.current = null;
        onChange();
      }),
    () => (cache.current ??= { texts: readEstimateTexts(doc) }).texts,
  );
  return useMemo(() => {
    const { inputs, errors } = readInputs(texts);
    return { texts, estimate: deriveEstimate(inputs), errors };
  }, [texts]);
}

/** Whether the note is on the board, kept current as the scene changes. */
export function useNoteOnBoard(api: ExcalidrawImperativeAPI): boolean {
  const [present, setPresent] = useState(() => !!findNote(api.getSceneElementsIncludingDeleted()));
  useEffect(() => {
    let last: unknown = null;
    return api.onChange((elements) => {
      // The scene array is replaced on every edit; pointer moves reuse it.
      if (elements === last) return;
      last = elements;
      setPresent(!!findNote(elements));
    });
  }, [api]);
  return present;
}

/**
 * Rewrites the note after this client's own edits: soon after typing pauses, or at once
 * when asked (on leaving a field). A partner's edits arrive with their note change.
 */
export function useNoteUpdater(api: ExcalidrawImperativeAPI, doc: Y.Doc): NoteUpdater {
  const updater = useMemo(() => noteUpdater(api, doc), [api, doc]);
  // Leaving the panel mid-pause still brings the note up to date.
  useEffect(() => () => updater.flush(), [updater]);
  return updater;
}

/** What the panel tells the note updater. */
export interface NoteUpdater {
  /** Call after each local edit: the note is rewritten once typing pauses. */
  edited: () => void;
  /** Rewrites the note now if an edit is pending. */
  flush: () => void;
}

function noteUpdater(api: ExcalidrawImperativeAPI, doc: Y.Doc): NoteUpdater {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const flush = () => {
    clearTimeout(timer);
    if (!dirty) return;
    dirty = false;
    void updateNote(api, boardEstimate(doc));
  };
  return {
    edited() {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(flush, NOTE_UPDATE_MS);
    },
    flush,
  };
}
