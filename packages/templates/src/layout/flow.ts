/**
 * Flow diagrams: components in tier columns (client → edge → LB → services → caches and
 * queues → datastores), rows within a column as the template says, straight arrows
 * from outline to outline, each label centred on its arrow as Excalidraw draws it.
 * Empty tiers are squeezed out so a diagram without a CDN has no hole where it would be.
 */
import { BOX_LOOK, columnOf, LINE_LOOK, type BoxShape } from "../kinds.ts";
import type { Component, FlowDiagram, Template } from "../schema.ts";
import {
  BOUND_TEXT_PADDING,
  borderPoint,
  center,
  maxTextHeight,
  maxTextWidth,
  wrapText,
  type Point,
  type Rect,
} from "@archboard/scene";
import { cellStarts, crampedArrows, gapsBetween, widenUntilClear, type GapSpan } from "./spacing.ts";
import {
  boundsOf,
  SIZES,
  type LaidOutDiagram,
  type PlacedArrow,
  type PlacedBox,
  type PlacedNote,
  type PlacedZone,
} from "./types.ts";

/** The element the user selected, standing in for a building block's anchor component. */
export interface AnchorPlacement {
  readonly id: string;
  readonly rect: Rect;
  readonly shape: BoxShape;
}

/** Column and row of every component in the grid: empty tiers and rows squeezed out. */
function cells(d: FlowDiagram): { cell: Map<string, { col: number; row: number }>; columns: number; rows: number } {
  const columns = [...new Set(d.components.map((c) => columnOf(c.kind, c.column)))].sort((a, b) => a - b);
  const minRow = Math.min(...d.components.map((c) => c.row));
  const cell = new Map(
    d.components.map((c) => [c.id, { col: columns.indexOf(columnOf(c.kind, c.column)), row: c.row - minRow }]),
  );
  return { cell, columns: columns.length, rows: Math.max(...d.components.map((c) => c.row)) - minRow + 1 };
}

/**
 * Grid position of every component, top-left of the grid at (0, 0), with `gaps`
 * between neighbouring columns and rows (default: the tightest spacing).
 */
export function gridRects(
  d: FlowDiagram,
  gaps?: { columns: readonly number[]; rows: readonly number[] },
): Map<string, Rect> {
  const { cell, columns, rows } = cells(d);
  const xs = cellStarts(columns, SIZES.boxWidth, gaps?.columns ?? Array<number>(columns).fill(SIZES.gapX));
  const ys = cellStarts(rows, SIZES.boxHeight, gaps?.rows ?? Array<number>(rows).fill(SIZES.gapY));
  const rects = new Map<string, Rect>();
  for (const [id, { col, row }] of cell)
    rects.set(id, { x: xs[col]!, y: ys[row]!, width: SIZES.boxWidth, height: SIZES.boxHeight });
  return rects;
}

/**
 * The grid spaced for its labels: starting from the tightest spacing, the column or
 * row gaps a cramped arrow label crosses grow until every label reads cleanly.
 */
export function spacedGridRects(d: FlowDiagram): Map<string, Rect> {
  const { cell, columns, rows } = cells(d);
  const initial = { columns: Array<number>(columns).fill(SIZES.gapX), rows: Array<number>(rows).fill(SIZES.gapY) };
  return widenUntilClear(initial, (columnGaps, rowGaps) => {
    const grid = gridRects(d, { columns: columnGaps, rows: rowGaps });
    const placed = placeAll(d, grid, "", (key) => key);
    const cramped = crampedArrows(
      placed.arrows,
      placed.boxes,
      placed.zones.map((z) => zoneTitleRect(z)),
    );
    const spans: GapSpan[] = [...cramped].map((a) => {
      const from = cell.get(a.fromId)!,
        to = cell.get(a.toId)!;
      return from.col !== to.col
        ? { axis: "columns", gaps: gapsBetween(from.col, to.col) }
        : { axis: "rows", gaps: gapsBetween(from.row, to.row) };
    });
    return { result: grid, spans };
  });
}

/**
 * Moves grid positions so the anchor lands on the selected element: what sat left of
 * the anchor keeps its distance from the element's left side, what sat right keeps it
 * from its right side (the element may be bigger than a template box), what shared its
 * column is centred on it. Same for rows.
 */
export function anchorRects(grid: ReadonlyMap<string, Rect>, anchorKey: string, anchor: Rect): Map<string, Rect> {
  const a = grid.get(anchorKey);
  if (!a) throw new Error(`anchor "${anchorKey}" is not in the grid`);
  const axis = (pos: number, size: number, gridPos: number, gridSize: number, at: number, atSize: number): number => {
    if (pos + size <= gridPos) return at - (gridPos - pos);
    if (pos >= gridPos + gridSize) return at + atSize + (pos - (gridPos + gridSize));
    return at + atSize / 2 - size / 2;
  };
  const out = new Map<string, Rect>();
  for (const [key, r] of grid) {
    if (key === anchorKey) {
      out.set(key, anchor);
      continue;
    }
    out.set(key, {
      x: axis(r.x, r.width, a.x, a.width, anchor.x, anchor.width),
      y: axis(r.y, r.height, a.y, a.height, anchor.y, anchor.height),
      width: r.width,
      height: r.height,
    });
  }
  return out;
}

/**
 * Lays out a flow diagram with its top-left grid cell at (0, 0), or around `anchor`
 * (then the anchor component is not drawn: arrows bind to the selected element, and
 * notes are left out because they would land on the user's drawing).
 */
export function layoutFlow(t: Template, d: FlowDiagram, prefix: string, anchor?: AnchorPlacement): LaidOutDiagram {
  const grid = spacedGridRects(d);
  const rects = anchor && d.anchor ? anchorRects(grid, d.anchor, anchor.rect) : grid;
  const idOf = (key: string): string => (anchor && key === d.anchor ? anchor.id : prefix + key);
  const { boxes, arrows, zones } = placeAll(d, rects, prefix, idOf, anchor);
  const drawn = boundsOf([
    ...boxes.map((b) => b.rect),
    ...arrows.map((a) => a.label.rect),
    ...zones.map((z) => z.rect),
  ]);
  const notes = anchor
    ? []
    : placeNotes(
        d.notes.map((n) => n.text),
        prefix,
        drawn,
      );
  return { templateId: t.id, zones, boxes, arrows, notes, bounds: boundsOf([drawn, ...notes.map((n) => n.rect)]) };
}

/** Boxes, arrows and zones for components at `rects` (the anchor, if any, is not drawn). */
function placeAll(
  d: FlowDiagram,
  rects: ReadonlyMap<string, Rect>,
  prefix: string,
  idOf: (key: string) => string,
  anchor?: AnchorPlacement,
): { boxes: PlacedBox[]; arrows: PlacedArrow[]; zones: PlacedZone[] } {
  const shapeOf = (c: Component): BoxShape => (anchor && c.id === d.anchor ? anchor.shape : BOX_LOOK[c.kind].shape);
  const boxes: PlacedBox[] = [];
  for (const c of d.components) {
    if (anchor && c.id === d.anchor) continue;
    boxes.push(placeBox(c, rects.get(c.id)!, idOf(c.id)));
  }

  const byKey = new Map(d.components.map((c) => [c.id, c]));
  const arrows: PlacedArrow[] = d.connections.map((conn) => {
    const a = rects.get(conn.from)!,
      b = rects.get(conn.to)!;
    const start = borderPoint(shapeOf(byKey.get(conn.from)!), a, center(b), SIZES.bindingGap);
    const end = borderPoint(shapeOf(byKey.get(conn.to)!), b, center(a), SIZES.bindingGap);
    return placeArrow(
      `${conn.from}-${conn.to}`,
      prefix,
      idOf(conn.from),
      idOf(conn.to),
      [start, end],
      conn.label,
      conn.style,
    );
  });

  const zones: PlacedZone[] = d.zones.map((z) => {
    const members = boundsOf(z.members.map((m) => rects.get(m)!));
    const fontSize = SIZES.boxFont;
    const p = SIZES.zonePadding;
    const rect = {
      x: members.x - p,
      y: members.y - p - SIZES.zoneTitle,
      width: members.width + 2 * p,
      height: members.height + 2 * p + SIZES.zoneTitle,
    };
    return {
      key: z.id,
      id: `${prefix}zone-${z.id}`,
      rect,
      memberIds: z.members.map(idOf),
      label: { text: z.label, block: wrapText(z.label, fontSize, rect.width - 10), fontSize },
    };
  });
  return { boxes, arrows, zones };
}

/** Where a zone's title is drawn: top left, inside the padding. */
function zoneTitleRect(z: PlacedZone): Rect {
  return {
    x: z.rect.x + BOUND_TEXT_PADDING,
    y: z.rect.y + BOUND_TEXT_PADDING,
    width: z.label.block.width,
    height: z.label.block.height,
  };
}

export function placeBox(c: Component, rect: Rect, id: string): PlacedBox {
  const look = BOX_LOOK[c.kind];
  const fontSize = SIZES.boxFont;
  const block = wrapText(c.label, fontSize, maxTextWidth(look.shape, rect.width, fontSize));
  if (block.height > maxTextHeight(look.shape, rect.height)) {
    throw new Error(`label "${c.label}" does not fit its ${look.shape}: shorten it`);
  }
  return {
    key: c.id,
    id,
    kind: c.kind,
    shape: look.shape,
    rect,
    backgroundColor: look.backgroundColor,
    strokeStyle: "solid",
    label: { text: c.label, block, fontSize },
    groupIds: [],
  };
}

/** An arrow with its label centred on the midpoint, wrapped as Excalidraw wraps arrow labels. */
export function placeArrow(
  key: string,
  prefix: string,
  fromId: string,
  toId: string,
  points: readonly Point[],
  text: string,
  style: PlacedArrow["style"],
  focus: PlacedArrow["focus"] = { start: 0, end: 0 },
): PlacedArrow {
  const fontSize = SIZES.arrowFont;
  const xs = points.map((p) => p.x);
  const block = wrapText(text, fontSize, maxTextWidth("arrow", Math.max(...xs) - Math.min(...xs), fontSize));
  const first = points[0]!,
    last = points[points.length - 1]!;
  const mid = { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 };
  const rect = { x: mid.x - block.width / 2, y: mid.y - block.height / 2, width: block.width, height: block.height };
  return {
    key,
    id: `${prefix}arrow-${key}`,
    fromId,
    toId,
    points,
    style,
    look: LINE_LOOK[style],
    label: { text, block, fontSize, rect },
    focus,
  };
}

/** Notes stack under the drawing, left-aligned, wrapped to a readable width. */
export function placeNotes(texts: readonly string[], prefix: string, drawn: Rect): PlacedNote[] {
  const fontSize = SIZES.noteFont;
  const maxWidth = Math.max(420, Math.min(drawn.width, 760));
  let y = drawn.y + drawn.height + SIZES.noteMargin;
  return texts.map((text, i) => {
    const block = wrapText(text, fontSize, maxWidth);
    const rect = { x: drawn.x, y, width: block.width, height: block.height };
    y += block.height + fontSize;
    return { key: `note-${i + 1}`, id: `${prefix}note-${i + 1}`, block, fontSize, rect };
  });
}
