import { useState } from "react";
import type * as Y from "yjs";
import { rubric } from "@archboard/interview";
import { formatClock } from "./clock.ts";
import { addNote, deleteNote, setScore, setSignal, type Note, type Score, type Signal } from "./notes.ts";
import { serverNow } from "./serverTime.ts";
import { useClockView } from "./useSession.ts";

/** Private notes, stamped with the clock's phase and time. */
export function NotesSection({
  boardDoc,
  notesDoc,
  notes,
}: {
  boardDoc: Y.Doc;
  notesDoc: Y.Doc;
  notes: readonly Note[];
}) {
  const [text, setText] = useState("");
  const view = useClockView(boardDoc);
  const save = () => {
    if (!text.trim()) return;
    addNote(notesDoc, {
      at: serverNow(),
      phaseLabel: view.phase.label,
      elapsedMs: view.totalElapsedMs,
      text: text.trim(),
    });
    setText("");
  };
  return (
    <section className="ab-session__section ab-private-section" aria-label="Private notes">
      <h3 className="ab-session__heading">
        Notes <span className="ab-private-tag">private</span>
      </h3>
      <textarea
        className="ab-textarea"
        rows={3}
        placeholder="What you noticed… (Ctrl+Enter to add)"
        aria-label="New note"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save();
        }}
      />
      <button type="button" className="ab-button" onClick={save} disabled={!text.trim()}>
        Add note
      </button>
      <ul className="ab-notes" data-testid="notes">
        {notes.map((n) => (
          <li key={n.id}>
            <span className="ab-notes__stamp">
              {formatClock(n.elapsedMs)} · {n.phaseLabel}
            </span>
            <span className="ab-notes__text">{n.text}</span>
            <button
              type="button"
              className="ab-icon-button"
              aria-label="Delete note"
              onClick={() => deleteNote(notesDoc, n.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Scores 1–4 per dimension with a note, and the final signal. */
export function RubricSection({
  notesDoc,
  scores,
  signal,
}: {
  notesDoc: Y.Doc;
  scores: Record<string, Score>;
  signal: Signal | null;
}) {
  return (
    <section className="ab-session__section ab-private-section" aria-label="Rubric">
      <h3 className="ab-session__heading">
        Rubric <span className="ab-private-tag">private</span>
      </h3>
      <ul className="ab-rubric">
        {rubric.dimensions.map((d) => {
          const current = scores[d.id] ?? { score: null, note: "" };
          return (
            <li key={d.id} data-testid="rubric-dimension" data-dimension={d.id}>
              <div className="ab-rubric__head">
                <span title={`4: ${d.strong}\n1: ${d.weak}`}>{d.title}</span>
                <span className="ab-rubric__scores" role="radiogroup" aria-label={`${d.title} score`}>
                  {[1, 2, 3, 4].map((n) => (
                    <button
                      key={n}
                      type="button"
                      role="radio"
                      aria-checked={current.score === n}
                      className={current.score === n ? "is-active" : ""}
                      onClick={() => setScore(notesDoc, d.id, { ...current, score: current.score === n ? null : n })}
                    >
                      {n}
                    </button>
                  ))}
                </span>
              </div>
              <input
                className="ab-input ab-rubric__note"
                placeholder="Note"
                aria-label={`${d.title} note`}
                defaultValue={current.note}
                onKeyDown={(e) => e.stopPropagation()}
                onBlur={(e) =>
                  e.target.value !== current.note && setScore(notesDoc, d.id, { ...current, note: e.target.value })
                }
              />
            </li>
          );
        })}
      </ul>
      <label className="ab-field">
        <span className="ab-field__label">Final signal</span>
        <select
          aria-label="Final signal"
          value={signal ?? ""}
          onChange={(e) => setSignal(notesDoc, (e.target.value || null) as Signal | null)}
        >
          <option value="">Not decided</option>
          {rubric.finalSignals.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
