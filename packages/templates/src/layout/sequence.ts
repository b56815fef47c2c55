/**
 * Sequence diagrams: one lifeline per participant, left to right in the template's
 * order; numbered messages top to bottom as horizontal arrows between lifelines.
 *
 * How it stays lint-clean (see packages/diagram-lint): a lifeline is a labelled header
 * box over a thin dashed box, grouped. Messages bind to the thin box, which carries the
 * participant's `customData.kind` so the linter knows the tiers: replies travel back
 * down the tiers, which SD006 does not count as right-to-left requests. The thin box is
 * narrower than the 30 px below which SD001 treats a shape as a handle rather than an
 * unnamed component, and its group holds the header's text. The header has no arrows of
 * its own, so it carries `customData.lint.role`, which SD015 (orphan node) honours.
 */
import { BOX_LOOK, LINE_LOOK } from "../kinds.ts";
import type { SequenceDiagram, Template } from "../schema.ts";
import { wrapText, type Point, type Rect } from "@archboard/scene";
import { placeArrow, placeNotes } from "./flow.ts";
import { boundsOf, SIZES, type LaidOutDiagram, type PlacedArrow, type PlacedBox } from "./types.ts";
import { crampedArrows, gapsBetween, widenUntilClear, type GapSpan } from "./spacing.ts";

export const SEQUENCE_SIZES = {
  headerWidth: 160,
  headerHeight: 60,
  /** Centre to centre at the tightest; pitches grow to fit their messages' labels (spacing.ts). */
  lanePitch: 200,
  lifelineWidth: 16,
  firstMessage: 60,
  messagePitch: 72,
  tail: 48,
} as const;

/** Lays out a sequence diagram with its top-left corner at (0, 0). */
export function layoutSequence(t: Template, d: SequenceDiagram, prefix: string): LaidOutDiagram {
  const lane = new Map(d.participants.map((p, i) => [p.id, i]));
  const initial = { columns: Array<number>(d.participants.length).fill(SEQUENCE_SIZES.lanePitch), rows: [] };
  const placed = widenUntilClear(initial, (pitches) => {
    const result = placeLanes(d, prefix, pitches);
    // Lifelines count as boxes: a label on a message to a lane further on must not sit on the lifelines it passes.
    const spans: GapSpan[] = [...crampedArrows(result.arrows, result.boxes)].map((a) => {
      const ends = result.keys.get(a)!;
      const gaps = gapsBetween(lane.get(ends.from)!, lane.get(ends.to)!);
      // Widening the last gap lengthens the arrow and moves its middle off the lifelines in between.
      return { axis: "columns", gaps: gaps.slice(-1) };
    });
    return { result, spans };
  });
  const { boxes, arrows } = placed;
  const drawn = boundsOf([...boxes.map((b) => b.rect), ...arrows.map((a) => a.label.rect)]);
  const notes = placeNotes(
    d.notes.map((n) => n.text),
    prefix,
    drawn,
  );
  return { templateId: t.id, zones: [], boxes, arrows, notes, bounds: boundsOf([drawn, ...notes.map((n) => n.rect)]) };
}

/** Lifelines with `pitches` between neighbouring centres, and the messages between them. */
function placeLanes(
  d: SequenceDiagram,
  prefix: string,
  pitches: readonly number[],
): { boxes: PlacedBox[]; arrows: PlacedArrow[]; keys: Map<PlacedArrow, { from: string; to: string }> } {
  const S = SEQUENCE_SIZES;
  const lifelineHeight = S.firstMessage + (d.messages.length - 1) * S.messagePitch + S.tail;
  const boxes: PlacedBox[] = [];
  const lifelines = new Map<string, Rect>();
  let cx = S.headerWidth / 2;
  d.participants.forEach((p, i) => {
    if (i > 0) cx += pitches[i - 1]!;
    const groupIds = [`${prefix}lifeline-${p.id}`];
    const fontSize = SIZES.boxFont;
    const header: Rect = { x: cx - S.headerWidth / 2, y: 0, width: S.headerWidth, height: S.headerHeight };
    const line: Rect = {
      x: cx - S.lifelineWidth / 2,
      y: S.headerHeight,
      width: S.lifelineWidth,
      height: lifelineHeight,
    };
    lifelines.set(p.id, line);
    boxes.push({
      key: p.id,
      id: `${prefix}${p.id}`,
      kind: p.kind,
      shape: "rectangle",
      rect: header,
      backgroundColor: BOX_LOOK[p.kind].backgroundColor,
      strokeStyle: "solid",
      role: "lifeline-header",
      groupIds,
      label: { text: p.label, block: wrapText(p.label, fontSize, S.headerWidth - 10), fontSize },
    });
    boxes.push({
      key: `${p.id}-lifeline`,
      id: `${prefix}${p.id}-lifeline`,
      kind: p.kind,
      shape: "rectangle",
      rect: line,
      backgroundColor: "transparent",
      strokeStyle: "dashed",
      role: "lifeline",
      groupIds,
      label: null,
    });
  });

  const keys = new Map<PlacedArrow, { from: string; to: string }>();
  const arrows: PlacedArrow[] = d.messages.map((m, i) => {
    const a = lifelines.get(m.from)!,
      b = lifelines.get(m.to)!;
    const y = S.headerHeight + S.firstMessage + i * S.messagePitch;
    const dir = Math.sign(b.x - a.x);
    const start = { x: a.x + a.width / 2 + dir * (a.width / 2 + SIZES.bindingGap), y };
    const end = { x: b.x + b.width / 2 - dir * (b.width / 2 + SIZES.bindingGap), y };
    const focus = { start: focusOf(a, end, start), end: focusOf(b, start, end) };
    const arrow = placeArrow(
      `m${i + 1}`,
      prefix,
      `${prefix}${m.from}-lifeline`,
      `${prefix}${m.to}-lifeline`,
      [start, end],
      m.label,
      m.reply ? "reply" : "call",
      focus,
    );
    const placed = { ...arrow, look: LINE_LOOK[m.reply ? "reply" : "call"] };
    keys.set(placed, { from: m.from, to: m.to });
    return placed;
  });
  return { boxes, arrows, keys };
}

/**
 * Excalidraw's binding focus for an arrow end at `edge` coming from `from`: the signed
 * offset of the arrow's line from the shape's centre, as a share of the half-extent it
 * crosses (0 through the centre, ±1 at a corner). Horizontal messages cross a lifeline's
 * height, so the share is vertical.
 */
function focusOf(r: Rect, from: Point, edge: Point): number {
  const c = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  const cross = (edge.x - from.x) * (edge.y - c.y) - (edge.y - from.y) * (edge.x - c.x);
  const share = Math.min(1, Math.abs(edge.y - c.y) / (r.height / 2));
  return share === 0 ? 0 : -Math.sign(cross) * share;
}
