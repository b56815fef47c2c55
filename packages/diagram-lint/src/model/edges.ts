import { distance, distanceToRect, num, polylineOf, type Point, type SceneElement } from "@archboard/scene";
import type { CoordStore } from "./packed-geometry.ts";
import type { NumberMention } from "./numbers.ts";
import type { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge, TextItem } from "./types.ts";

/** Pixels of sloppy drawing allowed when one box holds another (a zone). */
export const ZONE_SLACK = 2;

/** An unbound arrow end this close (px) to a box is read as pointing at it. */
export const SNAP_DISTANCE = 20;

/** An unresolved end this close (px, times the board's scale) to a box is reported with its gap. */
export const NEAR_DISTANCE = 80;

export interface EndpointContext {
  readonly byId: ReadonlyMap<string, SceneElement>;
  readonly boxById: ReadonlyMap<string, Box>;
  readonly textById: ReadonlyMap<string, TextItem>;
  readonly boxGrid: SpatialGrid<Box>;
  /** Images, strokes and part shapes of a drawing → the box standing for it. */
  readonly ownerOf: ReadonlyMap<string, Box>;
  /** The board's scale: snapping distances grow with it. */
  readonly scale: number;
}

/*
 * Shared empty lists for the many boxes and edges that have no free label, edge or
 * figure: the model code replaces them rather than pushing onto them. Frozen, so a
 * caller that pushes onto one fails loudly instead of changing every box.
 */
export const NO_IDS = Object.freeze([]) as readonly string[] as string[];
export const NO_EDGES = Object.freeze([]) as readonly Edge[] as Edge[];
export const NO_NUMBERS = Object.freeze([]) as readonly NumberMention[] as NumberMention[];

/**
 * Creates the edge for a live arrow; endpoints are resolved by `resolveEndpoints`. The
 * points go into `coords` when given (the model's store); else they are plain objects.
 */
export function newEdge(el: SceneElement, coords?: CoordStore): Edge {
  const points = coords ? coords.polylineOf(el) : polylineOf(el);
  // Files from before arrowhead options drew a head at the end and stored nothing.
  const endHead = el.endArrowhead === undefined ? "arrow" : el.endArrowhead;
  const startHead = el.startArrowhead ?? null;
  const heads = startHead && endHead ? "both" : endHead ? "forward" : startHead ? "reverse" : "none";
  const invisible = num(el.opacity ?? 100) === 0 || el.strokeColor === "transparent";
  const grouped = !!el.groupIds && el.groupIds.length > 0;
  return new EdgeRecord(el, points, bindingId(el.startBinding), bindingId(el.endBinding), heads, invisible, grouped);
}

/**
 * An edge of the model: a class instance rather than an object literal, so V8 does not
 * move every pass's edges to the old generation (see `BoxRecord` in build-model.ts).
 */
class EdgeRecord implements Edge {
  readonly id: string;
  readonly start: Point;
  readonly end: Point;
  readonly length: number;
  startBindingBroken = false;
  endBindingBroken = false;
  startBox: Box | null = null;
  endBox: Box | null = null;
  startInferred = false;
  endInferred = false;
  from: Box | null = null;
  to: Box | null = null;
  kind: Edge["kind"] = "connection";
  role: Edge["role"] = "request";
  startNear: Edge["startNear"] = null;
  endNear: Edge["endNear"] = null;
  startViaText: string | null = null;
  endViaText: string | null = null;
  label = "";
  labelSource: Edge["labelSource"] = "none";
  boundTextId: string | null = null;
  freeLabelIds = NO_IDS;
  numbers = NO_NUMBERS;
  constructor(
    readonly element: SceneElement,
    readonly points: readonly Point[],
    readonly startBindingId: string | null,
    readonly endBindingId: string | null,
    readonly heads: Edge["heads"],
    readonly invisible: boolean,
    readonly grouped: boolean,
  ) {
    this.id = element.id;
    this.start = points[0]!;
    this.end = points[points.length - 1]!;
    let length = 0;
    for (let i = 1; i < points.length; i++) length += distance(points[i - 1]!, points[i]!);
    this.length = length;
  }
}

/** Only `.elementId` is read: the rest of the binding object changes shape after 0.18. */
function bindingId(binding: SceneElement["startBinding"]): string | null {
  const id = binding && typeof binding === "object" ? binding.elementId : undefined;
  return typeof id === "string" && id ? id : null;
}

/**
 * Finds the box at each end: the bound element (a part of a drawing, an image in a
 * box, or a text labelling a box count as that box), else, for an unbound end or one
 * bound to something that is no box, the nearest box within snapping distance. Then
 * orients the edge by its arrowheads.
 */
export function resolveEndpoints(edge: Edge, ctx: EndpointContext): Edge {
  const e = edge as { -readonly [K in keyof Edge]: Edge[K] };
  // Each end is written straight into the edge: no intermediate result objects.
  e.startBox = null;
  e.startInferred = false;
  e.startBindingBroken = false;
  e.startViaText = null;
  if (edge.startBindingId) {
    e.startBox = boundBox(edge.startBindingId, ctx);
    if (e.startBox) e.startViaText = boundToText ? viaText(edge.startBindingId, ctx) : null;
    else if (!ctx.byId.has(edge.startBindingId)) e.startBindingBroken = true;
  }
  if (!e.startBox && !e.startBindingBroken) {
    e.startBox = nearestBox(edge.start, ctx.boxGrid, ctx.scale);
    e.startInferred = e.startBox !== null;
  }
  e.endBox = null;
  e.endInferred = false;
  e.endBindingBroken = false;
  e.endViaText = null;
  if (edge.endBindingId) {
    e.endBox = boundBox(edge.endBindingId, ctx);
    if (e.endBox) e.endViaText = boundToText ? viaText(edge.endBindingId, ctx) : null;
    else if (!ctx.byId.has(edge.endBindingId)) e.endBindingBroken = true;
  }
  if (!e.endBox && !e.endBindingBroken) {
    e.endBox = nearestBox(edge.end, ctx.boxGrid, ctx.scale);
    e.endInferred = e.endBox !== null;
  }
  // Both ends bound to one box (old files bind both to its label, or one end to the
  // wrong shape): the end lying away from that box goes where it is drawn.
  if (e.startBox && e.startBox === e.endBox) {
    const r = e.startBox.rect,
      snap = SNAP_DISTANCE * ctx.scale;
    const ds = distanceToRect(edge.start, r),
      de = distanceToRect(edge.end, r);
    if (Math.max(ds, de) > snap) {
      const atStart = ds > de;
      const other = nearestBox(atStart ? edge.start : edge.end, ctx.boxGrid, ctx.scale);
      if (atStart) {
        e.startBox = other;
        e.startInferred = other !== null;
        e.startViaText = null;
      } else {
        e.endBox = other;
        e.endInferred = other !== null;
        e.endViaText = null;
      }
    }
  }
  e.startNear = e.startBox || e.startBindingBroken ? null : near(edge.start, ctx);
  e.endNear = e.endBox || e.endBindingBroken ? null : near(edge.end, ctx);
  if (edge.heads === "reverse") {
    e.from = e.endBox;
    e.to = e.startBox;
  } else {
    e.from = e.startBox;
    e.to = e.endBox;
  }
  return edge;
}

/** Set by `boundBox`: the end it just resolved is bound to a text (most are bound to the box itself). */
let boundToText = false;

/**
 * The box a bound end names: the live box with that id (or the drawing it is part
 * of), the box holding a bound image or stroke, or (old files bind arrows to the text
 * inside a shape) the box that text labels.
 */
function boundBox(id: string, ctx: EndpointContext): Box | null {
  boundToText = false;
  const box = ctx.boxById.get(id);
  if (box) return box.partOf ?? box;
  const owner = ctx.ownerOf.size > 0 ? ctx.ownerOf.get(id) : undefined;
  if (owner) return owner;
  const text = ctx.textById.get(id);
  if (!text) return null;
  boundToText = true;
  const ownerId = text.containerId ?? (text.labelOf?.kind === "box" ? text.labelOf.id : null);
  const labelled = ownerId ? (ctx.boxById.get(ownerId) ?? null) : null;
  return labelled ? (labelled.partOf ?? labelled) : null;
}

/**
 * The id of the free text an end is bound to when that text merely lies on a box (a
 * label the author did not bind): moving the box leaves text and arrow behind. Texts
 * grouped with their box move with it, so an arrow bound to them follows too.
 */
function viaText(id: string, ctx: EndpointContext): string | null {
  const text = ctx.textById.get(id);
  if (!text || text.containerId || text.labelOf?.kind !== "box" || text.labelOf.how !== "inside") return null;
  const box = ctx.boxById.get(text.labelOf.id);
  const groups = text.element.groupIds;
  if (box && groups && groups.length > 0 && groups.some((g) => box.element.groupIds?.includes(g))) return null;
  return id;
}

/** The nearest box within reach of a loose end, with the gap, for messages. */
function near(at: Point, ctx: EndpointContext): { box: Box; gap: number } | null {
  const reach = NEAR_DISTANCE * ctx.scale;
  PROBE.x = at.x - reach;
  PROBE.y = at.y - reach;
  PROBE.width = 2 * reach;
  PROBE.height = 2 * reach;
  let best: Box | null = null,
    bestD = Infinity;
  for (const box of ctx.boxGrid.query(PROBE)) {
    if (box.isZone) continue;
    const d = distanceToRect(at, box.rect);
    if (d <= reach && d < bestD) {
      best = box;
      bestD = d;
    }
  }
  return best ? { box: best, gap: bestD } : null;
}

/** Reused query rectangle (`query` reads it only during the call): one allocation less per arrow end. */
const PROBE = { x: 0, y: 0, width: 0, height: 0 };

/**
 * The box an unbound end points at. A component wins when the point is on or near it;
 * a zone only when the point is near its border (inside a zone's empty middle, the
 * arrow points at something that is not a box).
 */
export function nearestBox(at: Point, grid: SpatialGrid<Box>, scale = 1): Box | null {
  const s = SNAP_DISTANCE * scale;
  let best: Box | null = null;
  let bestD = Infinity;
  PROBE.x = at.x - s;
  PROBE.y = at.y - s;
  PROBE.width = 2 * s;
  PROBE.height = 2 * s;
  for (const box of grid.query(PROBE)) {
    let d = distanceToRect(at, box.rect);
    if (d > s) continue;
    if (box.isZone && d === 0) {
      const r = box.rect;
      d = Math.min(at.x - r.x, r.x + r.width - at.x, at.y - r.y, r.y + r.height - at.y);
      if (d > s) continue;
    }
    if (d < bestD || (d === bestD && best && box.area < best.area)) {
      best = box;
      bestD = d;
    }
  }
  return best;
}
