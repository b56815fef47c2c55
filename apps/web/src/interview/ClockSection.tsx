import type * as Y from "yjs";
import { advanceClock, formatClock, pauseClock, resumeClock, setPhases, startClock, type Phase } from "./clock.ts";
import { serverNow } from "./serverTime.ts";
import { writeClock } from "./session.ts";
import { useClockView, useSession } from "./useSession.ts";

/** Phases with planned and actual times; the interviewer runs the clock. */
export function ClockSection({ doc, canControl }: { doc: Y.Doc; canControl: boolean }) {
  const { clock } = useSession(doc);
  const view = useClockView(doc);
  const act = (f: typeof startClock) => writeClock(doc, f(clock, serverNow()));
  const editMinutes = (i: number, minutes: number) => {
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 180) return;
    const phases: Phase[] = clock.phases.map((p, j) => (j === i ? { ...p, minutes } : p));
    writeClock(doc, setPhases(clock, phases));
  };

  return (
    <section className="ab-session__section" aria-label="Clock">
      <ol className="ab-phases">
        {clock.phases.map((p, i) => {
          const state =
            clock.status === "finished" || i < clock.phaseIndex
              ? "done"
              : i === clock.phaseIndex && clock.status !== "ready"
                ? "current"
                : "next";
          const actual = clock.actualMs[i];
          return (
            <li key={p.id} className={`ab-phase ab-phase--${state}`} data-testid="phase" data-state={state}>
              <span className="ab-phase__label">{p.label}</span>
              {canControl && clock.status === "ready" ? (
                <input
                  type="number"
                  min={1}
                  max={180}
                  aria-label={`${p.label} minutes`}
                  className="ab-phase__minutes"
                  value={p.minutes}
                  onChange={(e) => editMinutes(i, Number(e.target.value))}
                />
              ) : (
                <span className="ab-phase__time">
                  {state === "current"
                    ? view.overrunMs > 0
                      ? `${formatClock(view.overrunMs, true)} over`
                      : `${formatClock(view.remainingMs)} left`
                    : actual !== undefined
                      ? `${formatClock(actual)} / ${p.minutes}:00`
                      : `${p.minutes} min`}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {canControl && (
        <div className="ab-session__actions">
          {clock.status === "ready" && (
            <button type="button" className="ab-button ab-button--primary" onClick={() => act(startClock)}>
              Start interview
            </button>
          )}
          {clock.status === "running" && (
            <button type="button" className="ab-button" onClick={() => act(pauseClock)}>
              Pause
            </button>
          )}
          {clock.status === "paused" && (
            <button type="button" className="ab-button" onClick={() => act(resumeClock)}>
              Resume
            </button>
          )}
          {(clock.status === "running" || clock.status === "paused") && (
            <button type="button" className="ab-button ab-button--primary" onClick={() => act(advanceClock)}>
              {clock.phaseIndex >= clock.phases.length - 1 ? "Finish interview" : "Next phase"}
            </button>
          )}
        </div>
      )}
      {!canControl && clock.status === "ready" && <p className="ab-hint">The interviewer starts the clock.</p>}
    </section>
  );
}
