import type { Rect } from "@archboard/scene";

/** Returned (never mutated) for queries that find nothing, so the reusable result array keeps its capacity. */
const NOTHING: readonly never[] = [];

/**
 * A uniform grid over scene space so neighbourhood questions ("which boxes contain this
 * text?", "which boxes overlap this one?") cost time proportional to the answer instead
 * of to the scene. Items spanning many cells (zones, frames, giant backgrounds) go into
 * a short overflow list that every query scans, so one huge rectangle cannot make
 * insertion quadratic.
 *
 * Buckets are singly linked lists in typed arrays (cell → first/last link, link → item
 * and next link) rather than one small array per cell: a grid over 10,000 elements
 * otherwise allocates thousands of arrays per lint run, which is what the garbage
 * collector then spends its time on. Lists keep insertion order, as arrays did. For the
 * same reason cells are found through an open-addressing table in typed arrays rather
 * than a `Map`, whose table on a large scene is rebuilt at every doubling, each copy
 * garbage.
 */
export class SpatialGrid<T> {
  /** Hash table of the occupied cells: key + 1 (0 for an empty entry) and the cell's slot in `first`/`last`. */
  private cellKeys: Int32Array<ArrayBuffer>;
  private cellSlots: Int32Array<ArrayBuffer>;
  /** Occupied cells; slots are numbered in the order cells were first used. */
  private cellCount = 0;
  private first = new Int32Array(64);
  private last = new Int32Array(64);
  private linkItem = new Int32Array(128);
  private linkNext = new Int32Array(128);
  private links = 0;
  private readonly overflow: number[] = [];
  private readonly items: T[];
  private readonly rects: Rect[];
  private count = 0;
  private stamps: Uint32Array = new Uint32Array(0);
  private queryCount = 0;
  private readonly result: T[] = [];

  /**
   * @param cellSize side of a cell in scene px; @param expected items likely inserted
   * (lists are sized for them up front instead of being copied as they grow);
   * @param maxCells cells an item may span before overflowing.
   */
  constructor(
    private readonly cellSize: number,
    expected = 0,
    private readonly maxCells = 64,
  ) {
    this.items = new Array<T>(expected);
    this.rects = new Array<Rect>(expected);
    const size = Math.max(64, 2 ** Math.ceil(Math.log2(2 * expected + 1)));
    this.cellKeys = new Int32Array(size);
    this.cellSlots = new Int32Array(size);
  }

  insert(item: T, rect: Rect): void {
    const index = this.count++;
    if (index < this.items.length) {
      this.items[index] = item;
      this.rects[index] = rect;
    } else {
      this.items.push(item);
      this.rects.push(rect);
    }
    const x0 = this.cell(rect.x),
      x1 = this.cell(rect.x + rect.width);
    const y0 = this.cell(rect.y),
      y1 = this.cell(rect.y + rect.height);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.maxCells) {
      this.overflow.push(index);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) this.append(cellKey(cx, cy), index);
    }
  }

  /**
   * Items whose rectangle touches `rect`, each once, in the order the buckets hold them.
   * The returned array is reused by the next query: consume it before asking again.
   * (No callbacks: closures created per query dominated the cost on 10,000-element scenes.)
   */
  query(rect: Rect): readonly T[] {
    if (this.stamps.length < this.count) {
      const grown = new Uint32Array(Math.max(this.count, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.queryCount;
    const out = this.result;
    let n = 0;
    for (const i of this.overflow) if (this.consider(i, stamp, rect)) out[n++] = this.items[i]!;
    const x0 = this.cell(rect.x),
      x1 = this.cell(rect.x + rect.width);
    const y0 = this.cell(rect.y),
      y1 = this.cell(rect.y + rect.height);
    // A query wider than the occupied grid walks the buckets instead of empty cells.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cellCount) {
      for (let slot = 0; slot < this.cellCount; slot++) n = this.scan(this.first[slot]!, stamp, rect, out, n);
    } else {
      for (let cx = x0; cx <= x1; cx++) {
        for (let cy = y0; cy <= y1; cy++) {
          const slot = this.slotOf(cellKey(cx, cy));
          if (slot !== -1) n = this.scan(this.first[slot]!, stamp, rect, out, n);
        }
      }
    }
    // Shrinking to 0 would drop the array's storage; an empty answer is a shared constant.
    if (n === 0) return NOTHING;
    if (out.length !== n) out.length = n;
    return out;
  }

  /** Appends the bucket starting at `link` to `out` from position `n`; returns the new count. */
  private scan(link: number, stamp: number, rect: Rect, out: T[], n: number): number {
    for (let l = link; l !== -1; l = this.linkNext[l]!) {
      const i = this.linkItem[l]!;
      if (this.consider(i, stamp, rect)) out[n++] = this.items[i]!;
    }
    return n;
  }

  /** True the first time item `i` is seen in this query and touches `rect`. */
  private consider(i: number, stamp: number, rect: Rect): boolean {
    if (this.stamps[i] === stamp) return false;
    this.stamps[i] = stamp;
    const r = this.rects[i]!;
    return !(
      r.x > rect.x + rect.width ||
      rect.x > r.x + r.width ||
      r.y > rect.y + rect.height ||
      rect.y > r.y + r.height
    );
  }

  /** Adds item `index` at the end of the cell's list. */
  private append(key: number, index: number): void {
    if (this.links === this.linkItem.length) {
      this.linkItem = grow(this.linkItem);
      this.linkNext = grow(this.linkNext);
    }
    const link = this.links++;
    this.linkItem[link] = index;
    this.linkNext[link] = -1;
    const slot = this.slotOf(key);
    if (slot === -1) {
      const s = this.cellCount++;
      if (s === this.first.length) {
        this.first = grow(this.first);
        this.last = grow(this.last);
      }
      this.first[s] = link;
      this.last[s] = link;
      this.file(key, s);
      if (this.cellCount * 2 > this.cellKeys.length) this.refile();
    } else {
      this.linkNext[this.last[slot]!] = link;
      this.last[slot] = link;
    }
  }

  /** The slot of the cell with this key, or -1 when the cell is empty. */
  private slotOf(key: number): number {
    const keys = this.cellKeys,
      mask = keys.length - 1;
    for (let e = entryOf(key, mask); keys[e] !== 0; e = (e + 1) & mask)
      if (keys[e] === key + 1) return this.cellSlots[e]!;
    return -1;
  }

  /** Enters a new cell's key and slot in the table (which has room: it is kept at most half full). */
  private file(key: number, slot: number): void {
    const keys = this.cellKeys,
      mask = keys.length - 1;
    let e = entryOf(key, mask);
    while (keys[e] !== 0) e = (e + 1) & mask;
    keys[e] = key + 1;
    this.cellSlots[e] = slot;
  }

  /** Doubles the table and files every cell again. */
  private refile(): void {
    const keys = this.cellKeys,
      slots = this.cellSlots;
    this.cellKeys = new Int32Array(keys.length * 2);
    this.cellSlots = new Int32Array(keys.length * 2);
    for (let e = 0; e < keys.length; e++) if (keys[e] !== 0) this.file(keys[e]! - 1, slots[e]!);
  }

  private cell(v: number): number {
    return Math.floor(v / this.cellSize);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Where a cell key's search starts in a table of `mask + 1` entries (the product's high bits spread nearby cells). */
function entryOf(key: number, mask: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return (h ^ (h >>> 15)) & mask;
}

/**
 * Packs two cell coordinates into one small-integer key, so lookups allocate nothing.
 * Coordinates wrap every 32,768 cells; a wrapped collision only adds candidates,
 * which the rectangle test then drops.
 */
function cellKey(cx: number, cy: number): number {
  return (cx & 0x7fff) * 0x8000 + (cy & 0x7fff);
}
