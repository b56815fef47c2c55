import { useEffect, useRef } from "react";
import type * as Y from "yjs";
import { toast } from "../ui/toastStore.ts";
import { formatClock } from "./clock.ts";
import { useClockView } from "./useSession.ts";

/** The shared interview clock in the top bar: phase and time left, amber when over. */
export function ClockBadge({ doc, onOpen }: { doc: Y.Doc; onOpen: () => void }) {
  const view = useClockView(doc);
  const cued = useRef<string>("");
  const over = view.status === "running" && view.overrunMs > 0;

  // A gentle cue, once per phase, when it runs over.
  useEffect(() => {
    const key = `${view.phaseIndex}`;
    if (over && cued.current !== key) {
      cued.current = key;
      toast(`“${view.phase.label}” is over its ${view.phase.minutes} minutes.`);
    }
  }, [over, view.phaseIndex, view.phase.label, view.phase.minutes]);

  const time =
    view.status === "ready"
      ? `${view.phase.minutes}:00`
      : view.status === "finished"
        ? "done"
        : over
          ? formatClock(view.overrunMs, true)
          : formatClock(view.remainingMs);
  return (
    <button
      type="button"
      className={`ab-clock ab-clock--${view.status}${over ? " is-over" : ""}`}
      onClick={onOpen}
      data-testid="interview-clock"
      data-phase={view.phase.id}
      data-status={view.status}
      title={`${view.status === "finished" ? "Interview finished" : view.phase.label}: open the session panel`}
    >
      <span className="ab-clock__phase">{view.status === "finished" ? "Interview finished" : view.phase.label}</span>
      <span className="ab-clock__time">{time}</span>
      {view.status === "paused" && <span className="ab-clock__paused">paused</span>}
    </button>
  );
}
