import "./history.css";
import { useMemo, type KeyboardEvent, type ReactNode } from "react";
import type * as Y from "yjs";
import { useSession } from "../interview/useSession.ts";
import { serverNow } from "../interview/serverTime.ts";
import { momentLabel } from "./pastActions.ts";
import { useHistoryView } from "./historyView.ts";
import { useAuthors } from "./authors.ts";
import { AuthorLanes, BINS, Timeline } from "./Timeline.tsx";
import { authorLanes, phaseBands, timelineSpan } from "./timelineModel.ts";
import { VersionList } from "./VersionList.tsx";
import { useVersions } from "./versions.ts";

/** The point just before or after `at` (the scrubber's arrow keys step from change to change). */
function stepPoint(points: readonly number[], at: number, dir: -1 | 1): number | undefined {
  if (dir > 0) return points.find((p) => p > at);
  return points.findLast((p) => p < at);
}

/**
 * The History tab: the board's life on a timeline (activity, the interview's
 * phases, named versions) and a scrubber that shows the board as it was in
 * the read-only view. `playback` is the place for controls that drive the
 * same view over time (they call `showBoardAt`); it sits under the scrubber.
 */
export function HistoryPanel({ doc, readOnly, playback }: { doc: Y.Doc; readOnly: boolean; playback?: ReactNode }) {
  const points = useHistoryView((s) => s.points);
  const viewing = useHistoryView((s) => s.viewing);
  const error = useHistoryView((s) => s.error);
  const source = useHistoryView((s) => s.source);
  const activity = useHistoryView((s) => s.activity);
  const authors = useAuthors(doc);
  const { clock } = useSession(doc);
  const versions = useVersions(doc);
  const marks = useMemo(() => versions.map((v) => ({ id: v.id, at: v.at, label: v.name })), [versions]);
  const bands = useMemo(() => phaseBands(clock, serverNow()), [clock]);
  const span = useMemo(
    () => timelineSpan(points, [...marks.map((m) => m.at), ...bands.flatMap((b) => [b.start, b.end])]),
    [points, marks, bands],
  );
  const lanes = useMemo(() => (span ? authorLanes(activity, authors, span, BINS) : []), [activity, authors, span]);

  if (!source)
    return (
      <div className="ab-history" data-testid="history-panel">
        <p className="ab-muted">This browser could not open the board’s history.</p>
      </div>
    );

  const at = viewing ?? span?.end ?? 0;
  const show = (t: number) => void useHistoryView.getState().showAt(t);
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const target =
      e.key === "ArrowLeft" || e.key === "ArrowDown"
        ? stepPoint(points, at, -1)
        : e.key === "ArrowRight" || e.key === "ArrowUp"
          ? stepPoint(points, at, 1)
          : e.key === "Home"
            ? points[0]
            : e.key === "End"
              ? points.at(-1)
              : undefined;
    if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End") e.preventDefault();
    if (target !== undefined) show(target);
  };

  return (
    <div className="ab-history" data-testid="history-panel">
      <p className="ab-history__summary" data-testid="history-summary">
        {points.length === 0
          ? "No history yet: every change is kept from now on."
          : `${points.length.toLocaleString()} ${points.length === 1 ? "change" : "changes"} since ${momentLabel(points[0] as number)}`}
      </p>
      {error && (
        <p className="ab-history__error" role="alert">
          {error}
        </p>
      )}
      {span && (
        <>
          <Timeline span={span} points={points} bands={bands} marks={marks} cursor={viewing} />
          <input
            type="range"
            className="ab-history__scrubber"
            data-testid="history-scrubber"
            aria-label="Moment in the board’s history"
            aria-valuetext={viewing === null ? "Live" : momentLabel(viewing)}
            min={span.start}
            max={span.end}
            step={1}
            value={at}
            onChange={(e) => show(Number(e.currentTarget.value))}
            onKeyDown={onKey}
          />
          <div className="ab-history__ends" aria-hidden>
            <span>{momentLabel(span.start)}</span>
            <span>{viewing === null ? "Live" : momentLabel(viewing)}</span>
          </div>
        </>
      )}
      <div className="ab-history__controls" data-testid="history-controls">
        {playback}
      </div>
      {lanes.length > 0 && <AuthorLanes lanes={lanes} />}
      {bands.length > 0 && (
        <ul className="ab-history__legend" aria-label="Interview phases">
          {bands.map((b, i) => (
            <li key={`${b.label}-${i}`}>
              <button type="button" className="ab-link-button" onClick={() => show(b.end)}>
                {b.label}
              </button>{" "}
              <span className="ab-muted">
                {momentLabel(b.start)}–{momentLabel(b.end)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <VersionList doc={doc} versions={versions} readOnly={readOnly} onShow={show} />
    </div>
  );
}
