import type * as Y from "yjs";
import { clarifyingQuestions } from "@archboard/interview";
import { setClarified } from "./session.ts";
import { useSession } from "./useSession.ts";

/** Clarifying questions the candidate has covered; everyone sees the ticks. */
export function ChecklistSection({ doc, readOnly }: { doc: Y.Doc; readOnly: boolean }) {
  const { clarified } = useSession(doc);
  return (
    <section className="ab-session__section" aria-label="Clarifying questions">
      <h3 className="ab-session__heading">
        Clarifying questions{" "}
        <span className="ab-count">
          {clarified.size}/{clarifyingQuestions.length}
        </span>
      </h3>
      <ul className="ab-checklist">
        {clarifyingQuestions.map((q) => (
          <li key={q.id}>
            <label title={q.question}>
              <input
                type="checkbox"
                checked={clarified.has(q.id)}
                disabled={readOnly}
                onChange={(e) => setClarified(doc, q.id, e.target.checked)}
              />
              {q.topic}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
