import { classifyEdges, isJunk, notesAmong } from "./annotations.ts";
import { claimCaptions } from "./captions.ts";
import { boundsOf, findDrawings, isStackPair, joinStacks, noteImage, stackReach } from "./drawings.ts";
import { contains, num, type SceneElement } from "@archboard/scene";
import { IdMap, IdSubset } from "./id-map.ts";
import { CoordStore } from "./packed-geometry.ts";
import { disabledRules } from "./lint-data.ts";
import { newEdge, nearestBox, NO_EDGES, NO_IDS, resolveEndpoints, ZONE_SLACK } from "./edges.ts";
import { refineKinds } from "./kind-context.ts";
import { kindFromLabel, kindFromTag, TIER } from "./kinds.ts";
import { claimBoxLabels, claimEdgeLabels, returnToZones, settleBoxLabels, settleEdgeLabels } from "./labels.ts";
import { findNumbers, mayHoldFigures, NO_FIGURES, type NumberMention } from "./numbers.ts";
import { findRegions } from "./regions.ts";
import { assignRoles } from "./roles.ts";
import { SpatialGrid } from "./spatial-grid.ts";
import type { Box, DiagramModel, Edge, TextItem } from "./types.ts";

const BOX_TYPES = new Set(["rectangle", "ellipse", "diamond"]);
const FRAME_TYPES = new Set(["frame", "magicframe"]);
/** Drawings that, inside an unlabelled box, make it an icon rather than an empty shape. */
const ICON_TYPES = new Set(["image", "freedraw", "draw", "line", "embeddable", "iframe"]);
/** Type size (px) of a text that does not say; Excalidraw's default. */
const DEFAULT_FONT = 20;

/**
 * Reads Excalidraw elements (any format vintage, deleted ones included) into the model
 * the rules share: boxes and zones, edges with their endpoints, labels, kinds and
 * figures. Runs in roughly linear time: every neighbourhood question goes through a
 * spatial grid.
 */
export function buildModel(input: readonly SceneElement[]): DiagramModel {
  // Junk entries are skipped rather than rejected: the panel must never crash on a file.
  // They are spotted in the classifying pass below; a filtered copy is made only once
  // one turns up.
  let clean: SceneElement[] | null = null;
  const byId = new IdMap<SceneElement>(input.length);
  // Boxes, texts and edges by id, filed under their element's place in `byId`: one table for all.
  const boxById = new IdSubset<Box>(byId, input.length);
  const textById = new IdSubset<TextItem>(byId, input.length);
  const edgeById = new IdSubset<Edge>(byId, input.length);
  const boxes: Box[] = [];
  const allEdges: Edge[] = [];
  const lines: SceneElement[] = [];
  const icons: SceneElement[] = [];
  const texts: TextItem[] = [];
  const customised: SceneElement[] = [];
  // Images, strokes and arrows in groups: the pieces of drawings (see drawings.ts).
  const grouped: SceneElement[] = [];
  let anyGroups = false;
  const numbersSeen = new Map<string, NumberMention[]>();
  // Every box and text has a rectangle (4 numbers); an arrow has two points or more.
  const coords = new CoordStore(4 * input.length);
  // One pass, each field read once: element objects have many shapes, so every property
  // read is slow-ish, and on large scenes each pass over them misses the CPU cache. Texts,
  // the most numerous elements, are read into the model here, while their element is
  // still in the cache.
  for (let i = 0; i < input.length; i++) {
    const el = input[i] as SceneElement;
    const isObject = !!el && typeof el === "object";
    const id = isObject ? el.id : undefined,
      type = isObject ? el.type : undefined;
    if (typeof id !== "string" || typeof type !== "string") {
      clean ??= input.slice(0, i);
      continue;
    }
    if (clean) clean.push(el);
    const custom = el.customData;
    if (custom) customised.push(el);
    if (el.isDeleted) continue;
    const at = byId.addAt(id, el);
    if (at < 0) continue;
    if (BOX_TYPES.has(type) || FRAME_TYPES.has(type)) {
      const box = newBox(el, boxes.length, coords, custom);
      boxes.push(box);
      boxById.put(at, box);
      // Drawings start from grouped shapes: a text's groups matter only when a shape has some.
      if (!anyGroups && el.groupIds && el.groupIds.length > 0) anyGroups = true;
    } else if (type === "arrow") {
      const edge = newEdge(el, coords);
      allEdges.push(edge);
      edgeById.put(at, edge);
      if (edge.grouped) grouped.push(el);
    } else if (type === "text") {
      const t = newText(el, numbersSeen, coords);
      if (t) {
        texts.push(t);
        textById.put(at, t);
      }
    } else if (ICON_TYPES.has(type)) {
      icons.push(el);
      if (type === "line") lines.push(el);
      if (el.groupIds && el.groupIds.length > 0) grouped.push(el);
    }
  }

  const elements: readonly SceneElement[] = clean ?? input;

  const { scale, headingFont } = typeSizes(texts);
  for (const t of texts) {
    if (t.containerId === null) continue;
    // Only now is every id known: a container that is not live is no container.
    const at = byId.indexOf(t.containerId);
    if (at < 0) {
      (t as { containerId: string | null }).containerId = null;
      continue;
    }
    // Ids are unique among live elements: a box container is not also an arrow.
    const box = boxById.at(at);
    if (box) box.boundTextId ??= t.id;
    else {
      const edge = edgeById.at(at);
      if (edge) edge.boundTextId ??= t.id;
    }
  }

  // Drawings first: their parts stay out of the grid, and their representative grows to the whole drawing.
  const cellSize = cellSizeFor(boxes);
  const drawings = findDrawings(boxes, texts, grouped, byId, anyGroups);
  let boxGrid = gridOf(boxes, cellSize);
  // One pass over neighbourhoods finds both zones and ungrouped drawings (stacks,
  // cylinders); in the rare case there are drawings, their parts leave the grid and
  // zones are read again.
  if (joinStacks(boxes, markZones(boxes, boxGrid, true), drawings)) {
    boxGrid = gridOf(boxes, cellSize);
    for (const box of boxes) box.isZone = FRAME_TYPES.has(box.type);
    markZones(boxes, boxGrid, false);
  }
  const ownerOf = drawings.ownerOf;
  markIcons(icons, boxGrid, ownerOf);

  const boxesByGroup = new Map<string, Box[]>();
  if (anyGroups)
    for (const box of boxes) {
      const g = box.element.groupIds?.[0];
      if (!g || box.partOf) continue;
      const members = boxesByGroup.get(g);
      if (members) members.push(box);
      else boxesByGroup.set(g, [box]);
    }
  const unclaimed = claimBoxLabels(texts, boxGrid, boxesByGroup, drawings.captionOf);
  settleBoxLabels(boxes, textById);
  for (const box of boxes) {
    // A kind tagged in the file was read with the box (its element is not read again).
    box.kind ??= kindFromLabel(box.label);
    box.tier = box.kind ? TIER[box.kind] : null;
  }

  const ctx = { byId, boxById, textById, boxGrid, ownerOf, scale };
  let edges: Edge[] = [];
  for (const edge of allEdges) {
    resolveEndpoints(edge, ctx);
    if (isJunk(edge) || (drawings.strokes.size > 0 && drawings.strokes.has(edge.id)) || isIconStroke(edge)) {
      edgeById.delete(edge.id);
      continue;
    }
    edges.push(edge);
  }
  const { lifelineIds, lifelines } = classifyEdges(edges, () => notesAmong(texts, boxById), lines, scale, cellSize);
  if (lifelineIds.size > 0) {
    edges = edges.filter((e) => !lifelineIds.has(e.id));
    for (const id of lifelineIds) edgeById.delete(id);
  }
  attachEdges(boxes, edges);
  const looseTexts =
    unclaimed.inZones.length > 0 ? [...unclaimed.loose, ...unclaimed.inZones.map((z) => z.text)] : unclaimed.loose;
  claimEdgeLabels(looseTexts, edges, cellSize, scale, headingFont);
  settleEdgeLabels(edges, textById);
  const zones = returnToZones(unclaimed.inZones);
  if (zones.length > 0) settleBoxLabels(zones, textById);
  claimCaptions(unclaimed.loose, boxes, boxGrid, scale);
  for (const box of boxes) {
    if (box.kind === null && box.labelSource === "free") {
      box.kind = kindFromLabel(box.label);
      box.tier = box.kind ? TIER[box.kind] : null;
    }
  }
  refineKinds(boxes, boxGrid);
  assignRoles(edges, boxes.length);

  const components = new UnionFind(boxes.length);
  for (const e of edges) if (e.startBox && e.endBox) components.union(e.startBox.index, e.endBox.index);
  for (const line of lines) if (!ownerOf.has(line.id)) connectByLine(line, boxGrid, components, scale);
  joinChains(edges, components, scale);
  const regionCount = findRegions(boxes, edges, boxGrid, scale);

  const numbers: NumberMention[] = [];
  for (const t of texts) for (const n of t.numbers) numbers.push(n);
  return {
    elements,
    byId,
    boxes,
    components: boxes.filter((b) => !b.isZone && !b.partOf),
    boxById,
    edges,
    edgeById,
    texts,
    textById,
    numbers,
    scale,
    regionCount,
    lifelines,
    isDisabled: silencer(customised, byId),
    // A box of another model (never asked in practice) reads as the first box, as before.
    componentOf: (box) => components.find(boxes[box.index] === box ? (box.partOf ?? box).index : 0),
    boxesTouching: (rect) => boxGrid.query(rect),
  };
}

/**
 * The board's typical type size over the default 20 px (at least 1), and the size from
 * which a text is a heading. Sampled: the first 512 texts tell as much as all of them.
 */
function typeSizes(texts: readonly TextItem[]): { scale: number; headingFont: number } {
  if (texts.length === 0) return { scale: 1, headingFont: 2.5 * DEFAULT_FONT };
  const n = Math.min(texts.length, 512);
  const sizes = new Float64Array(n);
  for (let i = 0; i < n; i++) sizes[i] = texts[i]!.fontSize;
  sizes.sort();
  const typical = sizes[n >> 1]!;
  return {
    scale: Math.max(1, Math.min(4, typical / DEFAULT_FONT)),
    headingFont: 2.5 * Math.max(typical, DEFAULT_FONT),
  };
}

/**
 * A connection drawn as two arrows meeting in mid-air (an elbow made of two straight
 * arrows, or an arrow continued after a bend): the boxes at the far ends are joined.
 */
function joinChains(edges: readonly Edge[], uf: UnionFind, scale: number): void {
  const loose: { at: Edge["start"]; box: Box | null; edge: Edge }[] = [];
  for (const e of edges) {
    if (e.kind !== "connection" || (e.startBox && e.endBox)) continue;
    if (!e.startBox) loose.push({ at: e.start, box: e.endBox, edge: e });
    if (!e.endBox) loose.push({ at: e.end, box: e.startBox, edge: e });
  }
  if (loose.length < 2 || loose.length > 2000) return;
  const reach = 12 * scale;
  loose.sort((a, b) => a.at.x - b.at.x);
  for (let i = 0; i < loose.length; i++) {
    const a = loose[i]!;
    for (let j = i + 1; j < loose.length && loose[j]!.at.x - a.at.x <= reach; j++) {
      const b = loose[j]!;
      if (a.edge === b.edge || Math.abs(a.at.y - b.at.y) > reach || !a.box || !b.box) continue;
      uf.union((a.box.partOf ?? a.box).index, (b.box.partOf ?? b.box).index);
    }
  }
}

/**
 * Fills each box's `edges` (start box first, in edge order). The edges are sorted by box
 * into one list (a counting sort over the degrees), and each box gets its run of it as a
 * copy: copies made by `slice` carry no allocation site, so V8 never decides to
 * allocate them in the old generation (see `BoxRecord`), as it did with `new Array(n)`.
 */
function attachEdges(boxes: readonly Box[], edges: readonly Edge[]): void {
  const start = new Int32Array(boxes.length + 1);
  for (const e of edges) {
    if (e.startBox) start[e.startBox.index + 1]! += 1;
    if (e.endBox && e.endBox !== e.startBox) start[e.endBox.index + 1]! += 1;
  }
  for (let i = 0; i < boxes.length; i++) start[i + 1]! += start[i]!;
  const sorted = new Array<Edge>(start[boxes.length]!);
  const filled = start.slice(0, boxes.length);
  for (const e of edges) {
    if (e.startBox) sorted[filled[e.startBox.index]!++] = e;
    if (e.endBox && e.endBox !== e.startBox) sorted[filled[e.endBox.index]!++] = e;
  }
  for (let i = 0; i < boxes.length; i++)
    if (start[i + 1]! > start[i]!) (boxes[i] as { edges: Edge[] }).edges = sorted.slice(start[i], start[i + 1]);
}

/** Below this length (px) a grouped arrow is a stroke of an icon. */
const ICON_STROKE_LENGTH = 60;

/**
 * Arrows that are part of a drawing, not connections: tiny grouped arrows (the
 * Kubernetes "pod" glyph, a network icon) and unbound arrows lying inside one shape.
 */
function isIconStroke(edge: Edge): boolean {
  // Both ends on one box: a stroke inside it, a self-loop, or arrows between texts inside one zone.
  if (edge.startBox && edge.startBox === edge.endBox) return true;
  return edge.grouped && edge.length < ICON_STROKE_LENGTH;
}

function newBox(el: SceneElement, index: number, coords: CoordStore, custom: SceneElement["customData"]): Box {
  return new BoxRecord(el, index, coords.rectOf(el), custom ? kindFromTag(custom["kind"]) : null);
}

/*
 * Model records are class instances, not object literals: V8 tracks each literal's
 * allocation site, and when a collection lands mid-build (every record alive) it
 * moves that site's objects to the old generation for good ("pretenuring"). From then
 * on every pass's model is allocated there and lives until a full collection, which
 * made a 10,000-element pass half again as slow on average. Instances of a class are
 * not tracked that way.
 */
class BoxRecord implements Box {
  readonly id: string;
  readonly type: string;
  readonly area: number;
  readonly rotated: boolean;
  isZone: boolean;
  label = "";
  labelSource: Box["labelSource"] = "none";
  boundTextId: string | null = null;
  freeLabelIds = NO_IDS;
  hasIcon = false;
  imageName: string | null = null;
  hasImage = false;
  partOf: Box | null = null;
  isPerson = false;
  isRecord = false;
  region = 0;
  tier: number | null = null;
  edges = NO_EDGES;
  lineCount = 0;
  constructor(
    readonly element: SceneElement,
    readonly index: number,
    readonly rect: Box["rect"],
    /** The kind tagged in the file (`customData.kind`), until the label is read. */
    public kind: Box["kind"],
  ) {
    this.id = element.id;
    this.type = element.type;
    this.area = rect.width * rect.height;
    this.rotated = Math.abs(num(element.angle) % (2 * Math.PI)) > 0.01;
    this.isZone = FRAME_TYPES.has(this.type);
  }
}

/**
 * The figures in a text, read once per distinct text: boards repeat labels ("POST
 * /orders" on a dozen arrows), and the figure reader is the costliest step per text.
 * The lists are shared between texts and never changed.
 */
function numbersOf(text: string, seen: Map<string, NumberMention[]>): NumberMention[] {
  // Most labels ("Client 12", "POST /orders") hold no figure: they need no entry in the cache.
  if (!mayHoldFigures(text)) return NO_FIGURES;
  let found = seen.get(text);
  if (found === undefined) seen.set(text, (found = findNumbers(text)));
  return found;
}

function newText(el: SceneElement, seen: Map<string, NumberMention[]>, coords: CoordStore): TextItem | null {
  // `originalText` is the text before Excalidraw wrapped it to fit its container.
  // Trimmed once: the trimmed original, when not blank, is the text.
  let text = typeof el.originalText === "string" ? el.originalText.trim() : "";
  if (!text) text = typeof el.text === "string" ? el.text.trim() : "";
  if (!text) return null;
  // Kept as written for now: `buildModel` drops it once it knows the container is not live.
  const containerId = el.containerId;
  return new TextRecord(
    el,
    text,
    coords.rectOf(el),
    num(el.fontSize) || DEFAULT_FONT,
    containerId ? containerId : null,
    numbersOf(text, seen),
  );
}

/** A text of the model (a class for the reason given at `BoxRecord`). */
class TextRecord implements TextItem {
  readonly id: string;
  labelOf: TextItem["labelOf"] = null;
  constructor(
    readonly element: SceneElement,
    readonly text: string,
    readonly rect: TextItem["rect"],
    readonly fontSize: number,
    readonly containerId: string | null,
    readonly numbers: NumberMention[],
  ) {
    this.id = element.id;
  }
}

/** Cells about twice the typical box, so a query touches a handful of cells. */
function cellSizeFor(boxes: readonly Box[]): number {
  if (boxes.length === 0) return 200;
  const sample = boxes
    .slice(0, 256)
    .map((b) => Math.max(b.rect.width, b.rect.height))
    .sort((a, b) => a - b);
  return Math.max(50, 2 * (sample[sample.length >> 1] ?? 100));
}

/** The boxes that are not parts of a drawing, in a spatial grid. */
function gridOf(boxes: readonly Box[], cellSize: number): SpatialGrid<Box> {
  const grid = new SpatialGrid<Box>(cellSize, boxes.length);
  for (const box of boxes) if (!box.partOf) grid.insert(box, box.rect);
  return grid;
}

/**
 * A box containing another box is a zone (docs/rules/README.md, "Model"). With
 * `stacks`, the same neighbourhood queries also collect pairs of shapes drawn as one
 * (see `isStackPair`), returned per box.
 */
function markZones(boxes: readonly Box[], grid: SpatialGrid<Box>, stacks: boolean): Map<Box, Box[]> {
  const partners = new Map<Box, Box[]>();
  const probe = { x: 0, y: 0, width: 0, height: 0 };
  for (const inner of boxes) {
    if (inner.partOf) continue;
    if (stacks) stackReach(inner, probe);
    for (const outer of grid.query(stacks ? probe : inner.rect)) {
      if (outer === inner) continue;
      if (!outer.isZone && outer.area > inner.area && contains(outer.rect, inner.rect, ZONE_SLACK)) outer.isZone = true;
      if (stacks && outer.index > inner.index && isStackPair(inner, outer)) {
        (partners.get(inner) ?? partners.set(inner, []).get(inner)!).push(outer);
        (partners.get(outer) ?? partners.set(outer, []).get(outer)!).push(inner);
      }
    }
  }
  return partners;
}

/**
 * Images and drawn marks inside a box make it an icon: the innermost box holding one
 * (measured as drawn, rotation included) is named by it. An arrow bound to the image
 * ends on that box.
 */
function markIcons(icons: readonly SceneElement[], grid: SpatialGrid<Box>, ownerOf: Map<string, Box>): void {
  for (const el of icons) {
    if (ownerOf.has(el.id)) continue;
    const r = boundsOf(el);
    let inner: Box | null = null;
    for (const box of grid.query(r)) {
      if (contains(box.rect, r, 4) && (!inner || box.area < inner.area)) inner = box;
    }
    if (!inner) continue;
    if (el.type === "image") {
      noteImage(inner, el);
      ownerOf.set(el.id, inner);
    } else {
      inner.hasIcon = true;
    }
  }
}

/** Old drawings join boxes with plain lines; they count for reachability, not as edges. */
function connectByLine(line: SceneElement, grid: SpatialGrid<Box>, uf: UnionFind, scale: number): void {
  const e = newEdge(line);
  const a = nearestBox(e.start, grid, scale),
    b = nearestBox(e.end, grid, scale);
  // A line with both ends on one shape is part of its drawing (a cylinder's side), not a connection.
  if (a && a === b) return;
  if (a) a.lineCount++;
  if (b) b.lineCount++;
  if (a && b) uf.union(a.index, b.index);
}

/**
 * `customData.lint.disable` lookups. Few elements carry one, so they are collected once
 * and the common answer ("not silenced") costs one map probe.
 */
function silencer(
  customised: readonly SceneElement[],
  byId: ReadonlyMap<string, SceneElement>,
): DiagramModel["isDisabled"] {
  const silenced = new Map<string, Set<string>>();
  for (const el of customised) {
    const list = disabledRules(el);
    if (list.length > 0) silenced.set(el.id, new Set(list.map((d) => d.toLowerCase())));
  }
  if (silenced.size === 0) return () => false;
  const hit = (id: string | null | undefined, rule: { id: string; alias: string }): boolean => {
    const set = id ? silenced.get(id) : undefined;
    return !!set && (set.has(rule.id.toLowerCase()) || set.has(rule.alias.toLowerCase()));
  };
  // A label's silence follows its container, and the other way round.
  return (elementId, rule) => hit(elementId, rule) || hit(byId.get(elementId)?.containerId, rule);
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
