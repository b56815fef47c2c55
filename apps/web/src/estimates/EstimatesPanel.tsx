import "./estimates.css";
import { useState } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type * as Y from "yjs";
import {
  FIELDS,
  ROUNDING_RULE,
  formatFieldValue,
  readField,
  textsFromScaleHints,
  type DerivedFigure,
  type FieldId,
  type ScaleHints,
} from "@archboard/estimates";
import { toast } from "../ui/toastStore.ts";
import { EstimateFindings } from "./EstimateFindings.tsx";
import { putNoteOnBoard } from "./estimateNote.ts";
import { replaceEstimateTexts, setEstimateText } from "./estimatesDoc.ts";
import { useEstimate, useNoteOnBoard, useNoteUpdater } from "./useEstimate.ts";

/** Inputs in the order people state them: traffic, data, capacity. */
const GROUPS: readonly { title: string; fields: readonly FieldId[] }[] = [
  {
    title: "Traffic",
    fields: ["dau", "readsPerUser", "writesPerUser", "actionsPerUser", "readWriteRatio", "peakFactor"],
  },
  { title: "Data", fields: ["writeSize", "readSize", "retention", "replication"] },
  { title: "Capacity", fields: ["cacheHitRatio", "hotSetShare", "serverQps"] },
];

export interface EstimatesPanelProps {
  api: ExcalidrawImperativeAPI;
  doc: Y.Doc;
  /** Observers watch; they cannot type. */
  readOnly: boolean;
  /** The interviewer's prompt, whose scale hints may prefill the inputs. */
  prompt?: { title: string; scale: ScaleHints } | null;
}

/**
 * The Estimates panel: inputs typed the way people say them, every derived figure with
 * its formula, and the note on the board. Inputs live in the board's doc, so a partner
 * in the room sees each keystroke.
 */
export function EstimatesPanel({ api, doc, readOnly, prompt }: EstimatesPanelProps) {
  const { texts, estimate } = useEstimate(doc);
  const noteOnBoard = useNoteOnBoard(api);
  const note = useNoteUpdater(api, doc);
  const edit = (id: FieldId, text: string) => {
    setEstimateText(doc, id, text);
    note.edited();
  };
  return (
    <div className="ab-est" data-testid="estimates-panel">
      {prompt && !readOnly && (
        <Prefill
          title={prompt.title}
          replacing={Object.keys(texts).length > 0}
          onPrefill={() => {
            const { texts: filled, skipped } = textsFromScaleHints(prompt.scale);
            replaceEstimateTexts(doc, filled);
            note.edited();
            note.flush();
            if (skipped.length > 0) toast(`Not filled in: ${skipped.join(" ")}`);
          }}
        />
      )}
      {GROUPS.map((g) => (
        <fieldset key={g.title} className="ab-est__group" disabled={readOnly}>
          <legend>{g.title}</legend>
          {g.fields.map((id) => (
            <Field key={id} id={id} text={texts[id] ?? ""} onChange={(t) => edit(id, t)} onDone={note.flush} />
          ))}
        </fieldset>
      ))}
      <Figures figures={estimate.figures} />
      {estimate.assumptions.length > 0 && (
        <ul className="ab-est__assumptions" data-testid="estimate-assumptions">
          {estimate.assumptions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <p className="ab-est__rule">{ROUNDING_RULE}</p>
      {!readOnly && (
        <div className="ab-est__actions">
          {noteOnBoard ? (
            <span className="ab-hint" data-testid="estimate-note-linked">
              On the board: the note follows these figures.
            </span>
          ) : (
            <button
              type="button"
              className="ab-button"
              data-testid="estimate-put-on-board"
              disabled={estimate.figures.length === 0}
              onClick={() => void putNoteOnBoard(api, estimate)}
            >
              Put on the board
            </button>
          )}
        </div>
      )}
      <EstimateFindings api={api} hasEstimate={Object.keys(estimate.inputs).length > 0} />
    </div>
  );
}

/** One input: label, what was typed, and what it reads as (or why it does not read). */
function Field({
  id,
  text,
  onChange,
  onDone,
}: {
  id: FieldId;
  text: string;
  onChange: (text: string) => void;
  onDone: () => void;
}) {
  const spec = FIELDS[id];
  const reading = readField(id, text);
  const inputId = `estimate-${id}`;
  const placeholder =
    spec.default !== undefined ? `${formatFieldValue(id, spec.default)} (default)` : `e.g. ${spec.example}`;
  return (
    <div className="ab-est__field">
      <label htmlFor={inputId}>{spec.label}</label>
      <input
        id={inputId}
        data-testid={inputId}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={!reading.ok}
        aria-describedby={`${inputId}-reading`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onDone}
        onKeyDown={(e) => {
          e.stopPropagation(); // typing a figure must not trigger drawing shortcuts
          if (e.key === "Enter") e.currentTarget.blur();
        }}
      />
      <span
        id={`${inputId}-reading`}
        className={reading.ok ? "ab-est__reading" : "ab-est__error"}
        data-testid={`${inputId}-reading`}
        role={reading.ok ? undefined : "alert"}
      >
        {!reading.ok ? reading.message : reading.value !== undefined ? `= ${formatFieldValue(id, reading.value)}` : ""}
      </span>
    </div>
  );
}

/** The derived figures, each with its formula in words and in numbers. */
function Figures({ figures }: { figures: readonly DerivedFigure[] }) {
  if (figures.length === 0) {
    return <p className="ab-est__empty">Daily active users and reads or writes per user are enough to start.</p>;
  }
  return (
    <section aria-labelledby="estimate-figures-title">
      <h3 id="estimate-figures-title" className="ab-est__heading">
        Worked out
      </h3>
      <ol className="ab-est__figures">
        {figures.map((f) => (
          <li key={f.id} data-testid="estimate-figure" data-figure={f.id}>
            <span className="ab-est__figure-label">{f.label}</span>
            <strong className="ab-est__figure-value">{f.display}</strong>
            <span className="ab-est__formula">{f.words}</span>
            <span className="ab-est__numbers">{f.numbers}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The interviewer's shortcut: the prompt's scale hints as the starting assumptions. */
function Prefill({ title, replacing, onPrefill }: { title: string; replacing: boolean; onPrefill: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <div className="ab-est__prefill">
        <span>Replace the figures typed so far?</span>
        <button
          type="button"
          className="ab-button"
          data-testid="estimate-prefill-confirm"
          onClick={() => {
            setConfirming(false);
            onPrefill();
          }}
        >
          Replace
        </button>
        <button type="button" className="ab-link" onClick={() => setConfirming(false)}>
          Keep them
        </button>
      </div>
    );
  }
  return (
    <div className="ab-est__prefill">
      <button
        type="button"
        className="ab-button"
        data-testid="estimate-prefill"
        onClick={() => (replacing ? setConfirming(true) : onPrefill())}
      >
        Fill in from the prompt
      </button>
      <span className="ab-hint">Scale hints of “{title}”</span>
    </div>
  );
}
