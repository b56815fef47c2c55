import { useState } from "react";
import type * as Y from "yjs";
import { getPrompt, promptBank } from "@archboard/interview";
import { writePrompt, type PromptChoice } from "./session.ts";
import { useSession } from "./useSession.ts";

/** Resolves the room's prompt choice to what is shown. */
export function resolvePrompt(choice: PromptChoice | null) {
  if (!choice) return null;
  if (choice.kind === "custom") return { title: choice.title, statement: choice.statement, bank: null };
  const bank = getPrompt(choice.id);
  return bank ? { title: bank.title, statement: bank.statement, bank } : null;
}

/**
 * The prompt: the interviewer picks one from the bank or writes their own.
 * Everyone sees the statement; scale figures, what it tests and follow-ups
 * are for the interviewer only.
 */
export function PromptSection({
  doc,
  isInterviewer,
  readOnly,
}: {
  doc: Y.Doc;
  isInterviewer: boolean;
  readOnly: boolean;
}) {
  const { prompt: choice } = useSession(doc);
  const prompt = resolvePrompt(choice);
  const [custom, setCustom] = useState<{ title: string; statement: string } | null>(null);

  return (
    <section className="ab-session__section" aria-label="Prompt">
      <h3 className="ab-session__heading">Prompt</h3>
      {isInterviewer && !readOnly && (
        <div className="ab-prompt__pick">
          <select
            aria-label="Choose a prompt"
            value={choice?.kind === "bank" ? choice.id : choice?.kind === "custom" ? "__custom" : ""}
            onChange={(e) => {
              const v = e.target.value;
              if (v === "__custom") setCustom({ title: "", statement: "" });
              else if (v) {
                setCustom(null);
                writePrompt(doc, { kind: "bank", id: v });
              }
            }}
          >
            <option value="">Choose a prompt…</option>
            {promptBank.prompts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
            <option value="__custom">Write my own…</option>
          </select>
        </div>
      )}
      {custom && (
        <form
          className="ab-prompt__custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (!custom.title.trim() || !custom.statement.trim()) return;
            writePrompt(doc, { kind: "custom", title: custom.title.trim(), statement: custom.statement.trim() });
            setCustom(null);
          }}
        >
          <input
            className="ab-input"
            placeholder="Title"
            aria-label="Prompt title"
            value={custom.title}
            onChange={(e) => setCustom({ ...custom, title: e.target.value })}
          />
          <textarea
            className="ab-textarea"
            placeholder="What you ask the candidate"
            aria-label="Prompt statement"
            rows={4}
            value={custom.statement}
            onChange={(e) => setCustom({ ...custom, statement: e.target.value })}
          />
          <button type="submit" className="ab-button ab-button--primary">
            Use this prompt
          </button>
        </form>
      )}
      {prompt ? (
        <div className="ab-prompt" data-testid="prompt">
          <strong>{prompt.title}</strong>
          <p data-testid="prompt-statement">{prompt.statement}</p>
        </div>
      ) : (
        <p className="ab-hint">
          {isInterviewer ? "Pick the question you will ask." : "The interviewer has not chosen a prompt yet."}
        </p>
      )}
      {isInterviewer && prompt?.bank && (
        <details className="ab-private" data-testid="interviewer-hints" open>
          <summary>For the interviewer only</summary>
          <h4>Scale</h4>
          <ul>
            {prompt.bank.scale.traffic.map((t) => (
              <li key={t.what}>{t.text}</li>
            ))}
            <li>{prompt.bank.scale.storage.text}</li>
            {prompt.bank.scale.bandwidth && <li>{prompt.bank.scale.bandwidth.text}</li>}
          </ul>
          <h4>What it tests</h4>
          <ul>
            {prompt.bank.interviewerHints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          <h4>Deep-dive follow-ups</h4>
          <ul>
            {prompt.bank.followUps.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
