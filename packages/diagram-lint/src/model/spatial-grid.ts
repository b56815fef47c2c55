import type { Rect } from "./elements.ts";

/**
 * A uniform grid over scene space so neighbourhood questions ("which boxes contain this
 * text?", "which boxes overlap this one?") cost time proportional to the answer instead
 * of to the scene. Items spanning many cells (zones, frames, giant backgrounds) go into
 * a short overflow list that every query scans, so one huge rectangle cannot make
 * insertion quadratic.
 */
export class SpatialGrid<T> {
  private readonly cells = new Map<number, number[]>();
  private readonly overflow: number[] = [];
  private readonly items: T[] = [];
  private readonly rects: Rect[] = [];
  private stamps: Uint32Array = new Uint32Array(0);
  private queryCount = 0;
  private readonly result: T[] = [];

  /** @param cellSize side of a cell in scene px; @param maxCells cells an item may span before overflowing. */
  constructor(private readonly cellSize: number, private readonly maxCells = 64) {}

  insert(item: T, rect: Rect): void {
    const index = this.items.length;
    this.items.push(item);
    this.rects.push(rect);
    const x0 = this.cell(rect.x), x1 = this.cell(rect.x + rect.w);
    const y0 = this.cell(rect.y), y1 = this.cell(rect.y + rect.h);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.maxCells) {
      this.overflow.push(index);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const bucket = this.cells.get(key);
        if (bucket) bucket.push(index);
        else this.cells.set(key, [index]);
      }
    }
  }

  /**
   * Items whose rectangle touches `rect`, each once. The returned array is reused by the
   * next query: consume it before asking again. (No callbacks: closures created per
   * query dominated the cost on 10,000-element scenes.)
   */
  query(rect: Rect): readonly T[] {
    if (this.stamps.length < this.items.length) {
      const grown = new Uint32Array(Math.max(this.items.length, this.stamps.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.queryCount;
    const out = this.result;
    out.length = 0;
    for (const i of this.overflow) this.consider(i, stamp, rect, out);
    const x0 = this.cell(rect.x), x1 = this.cell(rect.x + rect.w);
    const y0 = this.cell(rect.y), y1 = this.cell(rect.y + rect.h);
    // A query wider than the occupied grid walks the buckets instead of empty cells.
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      for (const bucket of this.cells.values()) for (const i of bucket) this.consider(i, stamp, rect, out);
      return out;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const bucket = this.cells.get(cellKey(cx, cy));
        if (bucket) for (const i of bucket) this.consider(i, stamp, rect, out);
      }
    }
    return out;
  }

  private consider(i: number, stamp: number, rect: Rect, out: T[]): void {
    if (this.stamps[i] === stamp) return;
    this.stamps[i] = stamp;
    const r = this.rects[i]!;
    if (r.x > rect.x + rect.w || rect.x > r.x + r.w || r.y > rect.y + rect.h || rect.y > r.y + r.h) return;
    out.push(this.items[i]!);
  }

  private cell(v: number): number {
    return Math.floor(v / this.cellSize);
  }
}

/**
 * Packs two cell coordinates into one small-integer key, so lookups allocate nothing.
 * Coordinates wrap every 32,768 cells; a wrapped collision only adds candidates,
 * which the rectangle test then drops.
 */
function cellKey(cx: number, cy: number): number {
  return (cx & 0x7fff) * 0x8000 + (cy & 0x7fff);
}
