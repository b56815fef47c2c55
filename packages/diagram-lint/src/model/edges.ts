import { distanceToRect, polylineOf, type Point, type SceneElement } from "@archboard/scene";
import type { NumberMention } from "./numbers.ts";
import type { SpatialGrid } from "./spatial-grid.ts";
import type { Box, Edge, TextItem } from "./types.ts";

/** An unbound arrow end this close (px) to a box is read as pointing at it. */
export const SNAP_DISTANCE = 20;

export interface EndpointContext {
  readonly byId: ReadonlyMap<string, SceneElement>;
  readonly boxById: ReadonlyMap<string, Box>;
  readonly textById: ReadonlyMap<string, TextItem>;
  readonly boxGrid: SpatialGrid<Box>;
}

/*
 * Shared empty lists for the many boxes and edges that have no free label, edge or
 * figure: the model code replaces them rather than pushing onto them. Frozen, so a
 * caller that pushes onto one fails loudly instead of changing every box.
 */
export const NO_IDS = Object.freeze([]) as readonly string[] as string[];
export const NO_EDGES = Object.freeze([]) as readonly Edge[] as Edge[];
export const NO_NUMBERS = Object.freeze([]) as readonly NumberMention[] as NumberMention[];

/** Creates the edge for a live arrow; endpoints are resolved by `resolveEndpoints`. */
export function newEdge(el: SceneElement): Edge {
  const points = polylineOf(el);
  const startBindingId = bindingId(el.startBinding);
  const endBindingId = bindingId(el.endBinding);
  // Files from before arrowhead options drew a head at the end and stored nothing.
  const endHead = el.endArrowhead === undefined ? "arrow" : el.endArrowhead;
  const startHead = el.startArrowhead ?? null;
  const heads = startHead && endHead ? "both" : endHead ? "forward" : startHead ? "reverse" : "none";
  return {
    id: el.id,
    element: el,
    points,
    start: points[0]!,
    end: points[points.length - 1]!,
    startBindingId,
    endBindingId,
    startBindingBroken: false,
    endBindingBroken: false,
    startBox: null,
    endBox: null,
    startInferred: false,
    endInferred: false,
    heads,
    from: null,
    to: null,
    label: "",
    labelSource: "none",
    boundTextId: null,
    freeLabelIds: NO_IDS,
    numbers: NO_NUMBERS,
  };
}

/** Only `.elementId` is read: the rest of the binding object changes shape after 0.18. */
function bindingId(binding: SceneElement["startBinding"]): string | null {
  const id = binding && typeof binding === "object" ? binding.elementId : undefined;
  return typeof id === "string" && id ? id : null;
}

/**
 * Finds the box at each end: the bound element (a text counts as the box it labels),
 * else, for an unbound end, the nearest box within SNAP_DISTANCE. Then orients the
 * edge by its arrowheads.
 */
export function resolveEndpoints(edge: Edge, ctx: EndpointContext): Edge {
  const e = edge as { -readonly [K in keyof Edge]: Edge[K] };
  // Each end is written straight into the edge: no intermediate result objects.
  if (edge.startBindingId) {
    e.startBox = boundBox(edge.startBindingId, ctx);
    e.startBindingBroken = e.startBox === null && !ctx.byId.has(edge.startBindingId);
    e.startInferred = false;
  } else {
    e.startBox = nearestBox(edge.start, ctx.boxGrid);
    e.startBindingBroken = false;
    e.startInferred = e.startBox !== null;
  }
  if (edge.endBindingId) {
    e.endBox = boundBox(edge.endBindingId, ctx);
    e.endBindingBroken = e.endBox === null && !ctx.byId.has(edge.endBindingId);
    e.endInferred = false;
  } else {
    e.endBox = nearestBox(edge.end, ctx.boxGrid);
    e.endBindingBroken = false;
    e.endInferred = e.endBox !== null;
  }
  if (edge.heads === "reverse") {
    e.from = e.endBox;
    e.to = e.startBox;
  } else {
    e.from = e.startBox;
    e.to = e.endBox;
  }
  return edge;
}

/**
 * The box a bound end names: the live box with that id, or (old files bind arrows to the
 * text inside a shape) the box that text labels. Boxes are live elements, so a box hit
 * needs no lookup in `byId`.
 */
function boundBox(id: string, ctx: EndpointContext): Box | null {
  const box = ctx.boxById.get(id);
  if (box) return box;
  const text = ctx.textById.get(id);
  if (!text) return null;
  const ownerId = text.containerId ?? (text.labelOf?.kind === "box" ? text.labelOf.id : null);
  return ownerId ? (ctx.boxById.get(ownerId) ?? null) : null;
}

/** Reused query rectangle (`query` reads it only during the call): one allocation less per arrow end. */
const PROBE = { x: 0, y: 0, width: 0, height: 0 };

/**
 * The box an unbound end points at. A component wins when the point is on or near it;
 * a zone only when the point is near its border (inside a zone's empty middle, the
 * arrow points at something that is not a box).
 */
export function nearestBox(at: Point, grid: SpatialGrid<Box>): Box | null {
  const s = SNAP_DISTANCE;
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
