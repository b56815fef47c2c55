import { useMemo } from "react";
import { densityBins, fraction, type AuthorLane, type PhaseBand, type Span } from "./timelineModel.ts";

/** A named moment drawn on the timeline (a named version). */
export interface TimelineMark {
  id: string;
  at: number;
  label: string;
}

/** Slices of the timeline: one bar each (author lanes use as many). */
export const BINS = 60;
const WIDTH = 300;
const HEIGHT = 56;
const BAR_TOP = 18;
const PHASE_COLORS = ["#a5d8ff", "#b2f2bb", "#ffec99", "#ffc9c9", "#d0bfff", "#99e9f2"];

/**
 * The board's life at a glance: phases of the interview as bands behind,
 * how many changes each slice of time holds as bars, named versions as
 * flags, and where the view is. Purely a picture: the scrubber under it is
 * the control (and the accessible one).
 */
export function Timeline({
  span,
  points,
  bands,
  marks,
  cursor,
}: {
  span: Span;
  points: readonly number[];
  bands: readonly PhaseBand[];
  marks: readonly TimelineMark[];
  cursor: number | null;
}) {
  const bins = useMemo(() => densityBins(points, span, BINS), [points, span]);
  const max = Math.max(1, ...bins);
  const x = (t: number) => fraction(span, t) * WIDTH;
  const barWidth = WIDTH / BINS;
  return (
    <svg
      className="ab-timeline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden
      data-testid="history-timeline"
    >
      {bands.map((b, i) => (
        <g key={`${b.label}-${i}`} className="ab-timeline__band" data-testid="history-phase">
          <rect
            x={x(b.start)}
            y={0}
            width={Math.max(1, x(b.end) - x(b.start))}
            height={HEIGHT}
            fill={PHASE_COLORS[i % PHASE_COLORS.length]}
            opacity={0.45}
          />
          <title>{b.label}</title>
        </g>
      ))}
      {bins.map((n, i) =>
        n === 0 ? null : (
          <rect
            key={i}
            className="ab-timeline__bar"
            x={i * barWidth + 0.5}
            width={Math.max(0.5, barWidth - 1)}
            y={HEIGHT - ((HEIGHT - BAR_TOP) * n) / max}
            height={((HEIGHT - BAR_TOP) * n) / max}
          />
        ),
      )}
      {marks.map((m) => (
        <g key={m.id} className="ab-timeline__mark" data-testid="history-mark">
          <line x1={x(m.at)} x2={x(m.at)} y1={2} y2={HEIGHT} />
          <path d={`M${x(m.at)} 2 l7 4 l-7 4 z`} />
          <title>{m.label}</title>
        </g>
      ))}
      {cursor !== null && <line className="ab-timeline__cursor" x1={x(cursor)} x2={x(cursor)} y1={0} y2={HEIGHT} />}
    </svg>
  );
}

/**
 * Who drew when: a row per person, their name and colour from the board's
 * doc, with their changes along the same span as the timeline above.
 */
export function AuthorLanes({ lanes }: { lanes: readonly AuthorLane[] }) {
  return (
    <ul className="ab-history__people" aria-label="Who drew" data-testid="history-people">
      {lanes.map((lane) => {
        const max = Math.max(1, ...lane.bins);
        const w = WIDTH / lane.bins.length;
        return (
          <li key={`${lane.name}-${lane.color}`} data-testid="history-person">
            <span className="ab-history__person">
              <span className="ab-history__swatch" style={{ background: lane.color }} aria-hidden />
              <span className="ab-history__person-name">{lane.name}</span>
              <span className="ab-muted">
                {lane.total.toLocaleString()} {lane.total === 1 ? "change" : "changes"}
              </span>
            </span>
            <svg className="ab-history__lane" viewBox={`0 0 ${WIDTH} 10`} preserveAspectRatio="none" aria-hidden>
              {lane.bins.map((n, i) =>
                n === 0 ? null : (
                  <rect
                    key={i}
                    x={i * w}
                    width={Math.max(0.5, w - 0.5)}
                    y={0}
                    height={10}
                    fill={lane.color}
                    opacity={0.25 + (0.75 * n) / max}
                  />
                ),
              )}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
