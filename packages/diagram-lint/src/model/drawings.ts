import { contains, num, elementRect, type Rect, type SceneElement } from "@archboard/scene";
import type { Box, TextItem } from "./types.ts";

/**
 * Components drawn from several shapes. People draw a database as a cylinder (two
 * ellipses and two lines), a cloud as a cluster of ellipses, a load balancer as a box
 * holding a little icon of circles and arrows, a server pool as a stack of offset
 * cards, a logo box as a rectangle around an image. Judged shape by shape, such a
 * drawing is a pile of unlabelled boxes and orphans; read as one component it is what
 * the author meant. This module finds those drawings and elects one box to stand for
 * each (the "representative"); the other shapes become its parts.
 */

/** What `findDrawings` hands back to the model builder. */
export interface Drawings {
  /** Element id (a part box, an image or a stroke of a drawing) → the box that stands for it. */
  readonly ownerOf: Map<string, Box>;
  /** Arrows that are strokes of a drawing (the arrows of a load-balancer icon), not connections. */
  readonly strokes: Set<string>;
  /** Free texts that belong to a drawing: its caption, read as the representative's label. */
  readonly captionOf: Map<TextItem, Box>;
}

/** A group's members, split by what the drawing test needs. */
interface Members {
  boxes: Box[];
  texts: TextItem[];
  /** Images, lines and freehand strokes. */
  marks: SceneElement[];
  arrows: SceneElement[];
}

/** Free text in a drawing is a caption; more than this is a note, and the group is a layout. */
const MAX_CAPTION_CHARS = 60;
/** A part may be at most this many times the representative's area (else it is a frame around it). */
const MAX_PART_RATIO = 4;

/**
 * Finds grouped drawings and ungrouped stacks and cylinders. Runs before the spatial
 * grid is built: parts stay out of it, and each representative's rectangle grows to
 * the whole drawing, so arrows ending anywhere on the drawing land on it.
 */
export function findDrawings(
  boxes: readonly Box[],
  texts: readonly TextItem[],
  grouped: readonly SceneElement[],
  byId: ReadonlyMap<string, SceneElement>,
  anyGroups: boolean,
): Drawings {
  const drawings: Drawings = { ownerOf: new Map(), strokes: new Set(), captionOf: new Map() };
  const groups = anyGroups ? collectGroups(boxes, texts, grouped, byId) : null;
  if (groups && groups.size > 0) {
    const done = new Set<Box>();
    for (const box of boxes) {
      const ids = box.element.groupIds;
      if (!ids || ids.length === 0 || done.has(box)) continue;
      // Outermost first: a cylinder grouped inside a grouped "database" icon is one drawing.
      for (let i = ids.length - 1; i >= 0; i--) {
        const members = groups.get(ids[i]!);
        if (members && isDrawing(members)) {
          adopt(members, drawings);
          for (const b of members.boxes) done.add(b);
          break;
        }
      }
    }
  }
  return drawings;
}

function collectGroups(
  boxes: readonly Box[],
  texts: readonly TextItem[],
  grouped: readonly SceneElement[],
  byId: ReadonlyMap<string, SceneElement>,
): Map<string, Members> {
  const groups = new Map<string, Members>();
  const at = (g: string): Members => {
    let m = groups.get(g);
    if (!m) groups.set(g, (m = { boxes: [], texts: [], marks: [], arrows: [] }));
    return m;
  };
  for (const b of boxes) for (const g of b.element.groupIds ?? []) at(g).boxes.push(b);
  for (const t of texts) if (!t.containerId) for (const g of t.element.groupIds ?? []) at(g).texts.push(t);
  for (const el of grouped) {
    if (!byId.has(el.id)) continue;
    for (const g of el.groupIds ?? []) (el.type === "arrow" ? at(g).arrows : at(g).marks).push(el);
  }
  return groups;
}

/**
 * One thing, not a layout: it has a shape, at most one named box, little free text,
 * and no arrow reaching outside it.
 */
function isDrawing(m: Members): boolean {
  if (m.boxes.length === 0 || m.boxes.length + m.marks.length < 2) return false;
  let chars = 0;
  for (const t of m.texts) chars += t.text.length;
  if (m.texts.length > 2 || chars > MAX_CAPTION_CHARS) return false;
  if (namedBoxes(m).size > 1) return false;
  const frame = unionOf(m);
  for (const a of m.arrows) if (!contains(frame, elementRect(a), 4)) return false;
  return true;
}

/** Boxes with a name of their own: a bound label, a template kind, or a free text of the group inside. */
function namedBoxes(m: Members): Set<Box> {
  const named = new Set<Box>();
  for (const b of m.boxes) if (b.boundTextId || typeof b.element.customData?.["kind"] === "string") named.add(b);
  for (const t of m.texts) {
    const cx = t.rect.x + t.rect.width / 2,
      cy = t.rect.y + t.rect.height / 2;
    let inner: Box | null = null;
    for (const b of m.boxes) {
      const r = b.rect;
      if (cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height && (!inner || b.area < inner.area))
        inner = b;
    }
    if (inner) named.add(inner);
  }
  return named;
}

function unionOf(m: Members): Rect {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  const add = (r: Rect): void => {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  };
  for (const b of m.boxes) add(b.rect);
  for (const el of m.marks) add(boundsOf(el));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Elects the representative, makes the rest its parts, and claims captions, images and strokes. */
function adopt(m: Members, d: Drawings): void {
  const named = [...namedBoxes(m)];
  let rep: Box = named[0] ?? m.boxes[0]!;
  if (named.length === 0) for (const b of m.boxes) if (b.area > rep.area) rep = b;
  const frame = unionOf(m);
  for (const b of m.boxes) {
    // A big shape around the named one is a frame (a zone), not a piece of it.
    if (b === rep || (b.area > MAX_PART_RATIO * Math.max(rep.area, 1) && named.length > 0)) continue;
    b.partOf = rep;
    d.ownerOf.set(b.id, rep);
  }
  for (const el of m.marks) {
    d.ownerOf.set(el.id, rep);
    if (el.type === "image") noteImage(rep, el);
    else rep.hasIcon = true;
  }
  for (const a of m.arrows) {
    d.strokes.add(a.id);
    d.ownerOf.set(a.id, rep);
  }
  for (const t of m.texts) d.captionOf.set(t, rep);
  if (isPerson(m)) rep.isPerson = true;
  grow(rep, frame);
}

/** A stick figure: a small round head with the rest of the drawing (body, legs) below it. */
function isPerson(m: Members): boolean {
  const head = m.boxes.find(
    (b) => b.type === "ellipse" && b.rect.width >= 8 && b.rect.width <= 80 && similar(b.rect.width, b.rect.height, 0.3),
  );
  if (!head) return false;
  const cx = head.rect.x + head.rect.width / 2,
    bottom = head.rect.y + head.rect.height;
  const rest = [...m.boxes.filter((b) => b !== head).map((b) => b.rect), ...m.marks.map(boundsOf)];
  if (rest.length === 0) return false;
  let lowest = bottom;
  for (const r of rest) {
    if (r.width > 3 * head.rect.width || r.y + r.height / 2 <= bottom - 2 || r.x > cx + 2 || r.x + r.width < cx - 2)
      return false;
    lowest = Math.max(lowest, r.y + r.height);
  }
  // The body hangs below the head, at least as long again as the head is tall.
  return lowest - bottom >= 0.8 * head.rect.height;
}

/** Records that `box` holds `image`: it is labelled by it, and named by its file name or alt text. */
export function noteImage(box: Box, image: SceneElement): void {
  box.hasIcon = true;
  box.hasImage = true;
  box.imageName ??= imageNameOf(image);
}

/** `customData.alt`, `customData.fileName` or `customData.name` of an image, when set. */
export function imageNameOf(image: SceneElement): string | null {
  const data = image.customData;
  for (const key of ["alt", "fileName", "name"]) {
    const v = data?.[key];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return null;
}

/** The representative takes the whole drawing's extent. */
function grow(rep: Box, r: Rect): void {
  const x0 = Math.min(rep.rect.x, r.x),
    y0 = Math.min(rep.rect.y, r.y);
  const x1 = Math.max(rep.rect.x + rep.rect.width, r.x + r.width),
    y1 = Math.max(rep.rect.y + rep.rect.height, r.y + r.height);
  const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const b = rep as { rect: Rect; area: number };
  b.rect = rect;
  b.area = rect.width * rect.height;
}

/**
 * The axis-aligned bounds of an element as drawn, rotation included (an image turned
 * 90° inside a tall box is tall, not wide).
 */
export function boundsOf(el: SceneElement): Rect {
  const r = elementRect(el);
  const angle = num(el.angle) % Math.PI;
  if (Math.abs(angle) < 0.01 || el.points) return r;
  const cos = Math.abs(Math.cos(angle)),
    sin = Math.abs(Math.sin(angle));
  const w = r.width * cos + r.height * sin,
    h = r.width * sin + r.height * cos;
  return { x: r.x + r.width / 2 - w / 2, y: r.y + r.height / 2 - h / 2, width: w, height: h };
}

/**
 * Ungrouped drawings: offset copies of one card (a stack of servers) and two ellipses
 * of one width, one above the other (a cylinder). `partners` lists, per box, the boxes
 * found drawn with it (see `isStackPair`); each connected set becomes one drawing.
 * Returns true when any was found.
 */
export function joinStacks(boxes: readonly Box[], partners: ReadonlyMap<Box, Box[]>, d: Drawings): boolean {
  if (partners.size === 0) return false;
  const seen = new Set<Box>();
  for (const start of boxes) {
    if (seen.has(start) || !partners.has(start)) continue;
    const list: Box[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const b = stack.pop()!;
      list.push(b);
      for (const o of partners.get(b) ?? []) {
        if (seen.has(o)) continue;
        seen.add(o);
        stack.push(o);
      }
    }
    if (list.length > 1) join(list, d);
  }
  return true;
}

/** The area around a shape where the other pieces of its drawing may lie (a probe for the spatial grid). */
export function stackReach(a: Box, out: { x: number; y: number; width: number; height: number }): void {
  const r = a.rect;
  // Cards lie within a third of their size; a cylinder's ends within four heights of a flat ellipse.
  const reach = a.type === "ellipse" && r.height <= 0.6 * r.width ? 4 * r.height : 0.3 * r.height;
  out.x = r.x - 0.3 * r.width;
  out.y = r.y - reach;
  out.width = 1.6 * r.width;
  out.height = r.height + 2 * reach;
}

/** `a` and `b` are pieces of one ungrouped drawing: a card and the card behind it, or a cylinder's two ends. */
export function isStackPair(a: Box, b: Box): boolean {
  return a.type === b.type && a.rect.width > 0 && a.rect.height > 0 && (isCard(a, b) || isCylinder(a, b));
}

function similar(x: number, y: number, tolerance: number): boolean {
  return Math.abs(x - y) <= tolerance * Math.max(x, y);
}

/** Same size, shifted by less than a third of it: a card behind another. */
function isCard(a: Box, b: Box): boolean {
  if (a.type === "ellipse" && a.rect.height < 0.6 * a.rect.width) return false;
  const { rect: p } = a,
    { rect: q } = b;
  return (
    similar(p.width, q.width, 0.1) &&
    similar(p.height, q.height, 0.1) &&
    Math.abs(p.y - q.y) < 0.3 * p.height &&
    Math.abs(p.x - q.x) < 0.3 * p.width &&
    (p.x !== q.x || p.y !== q.y)
  );
}

/** Two flat ellipses of one width, aligned, one a little below the other: a cylinder's ends. */
function isCylinder(a: Box, b: Box): boolean {
  if (a.type !== "ellipse") return false;
  const { rect: p } = a,
    { rect: q } = b;
  if (
    p.height > 0.6 * p.width ||
    q.height > 0.6 * q.width ||
    !similar(p.width, q.width, 0.1) ||
    Math.abs(p.x - q.x) > 0.1 * p.width
  )
    return false;
  const gap = Math.abs(p.y - q.y);
  return gap > 0.5 * p.height && gap < 4 * Math.max(p.height, q.height);
}

/**
 * One ungrouped drawing: the named shape stands for it, else a cylinder's top, else the
 * card drawn last (on top of the stack).
 */
function join(list: readonly Box[], d: Drawings): void {
  let rep = list[0]!;
  const named = (b: Box): boolean => !!(b.boundTextId || b.element.customData?.["kind"]);
  for (const b of list) {
    if (named(b) !== named(rep)) {
      if (named(b)) rep = b;
    } else if (b.type === "ellipse" ? b.rect.y < rep.rect.y : b.index > rep.index) rep = b;
  }
  for (const b of list) {
    if (b === rep) continue;
    b.partOf = rep;
    d.ownerOf.set(b.id, rep);
  }
  for (const b of list) if (b !== rep) grow(rep, b.rect);
}
