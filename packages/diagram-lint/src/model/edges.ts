import { distToRect, polylineOf, type Point, type SceneElement } from "./elements.ts";
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
    id: el.id, element: el, points,
    start: points[0]!, end: points[points.length - 1]!,
    startBindingId, endBindingId,
    startBindingBroken: false, endBindingBroken: false,
    startBox: null, endBox: null, startInferred: false, endInferred: false,
    heads, from: null, to: null,
    label: "", labelSource: "none", boundTextId: null, freeLabelIds: [], numbers: [],
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
  const start = resolveEnd(edge.startBindingId, edge.start, ctx);
  const end = resolveEnd(edge.endBindingId, edge.end, ctx);
  const e = edge as { -readonly [K in keyof Edge]: Edge[K] };
  e.startBox = start.box; e.startInferred = start.inferred; e.startBindingBroken = start.broken;
  e.endBox = end.box; e.endInferred = end.inferred; e.endBindingBroken = end.broken;
  if (edge.heads === "reverse") {
    e.from = end.box; e.to = start.box;
  } else {
    e.from = start.box; e.to = end.box;
  }
  return edge;
}

interface End { box: Box | null; inferred: boolean; broken: boolean }

function resolveEnd(boundId: string | null, at: Point, ctx: EndpointContext): End {
  if (boundId) {
    const target = ctx.byId.get(boundId);
    if (!target) return { box: null, inferred: false, broken: true };
    return { box: boxForElement(target, ctx), inferred: false, broken: false };
  }
  const box = nearestBox(at, ctx.boxGrid);
  return { box, inferred: box !== null, broken: false };
}

/** Old files bind arrows to the text inside a shape: read that as the shape. */
function boxForElement(el: SceneElement, ctx: EndpointContext): Box | null {
  const box = ctx.boxById.get(el.id);
  if (box) return box;
  const text = ctx.textById.get(el.id);
  if (!text) return null;
  const ownerId = text.containerId ?? (text.labelOf?.kind === "box" ? text.labelOf.id : null);
  return ownerId ? ctx.boxById.get(ownerId) ?? null : null;
}

/**
 * The box an unbound end points at. A component wins when the point is on or near it;
 * a zone only when the point is near its border (inside a zone's empty middle, the
 * arrow points at something that is not a box).
 */
export function nearestBox(at: Point, grid: SpatialGrid<Box>): Box | null {
  const s = SNAP_DISTANCE;
  let best: Box | null = null;
  let bestD = Infinity;
  for (const box of grid.query({ x: at.x - s, y: at.y - s, w: 2 * s, h: 2 * s })) {
    let d = distToRect(at, box.rect);
    if (d > s) continue;
    if (box.isZone && d === 0) {
      const r = box.rect;
      d = Math.min(at.x - r.x, r.x + r.w - at.x, at.y - r.y, r.y + r.h - at.y);
      if (d > s) continue;
    }
    if (d < bestD || (d === bestD && best && box.area < best.area)) {
      best = box;
      bestD = d;
    }
  }
  return best;
}
