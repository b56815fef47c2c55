import { elementBox, num, type Point, type Rect, type SceneElement } from "@archboard/scene";

/**
 * Rectangles and points of the model, their coordinates kept in one `Float64Array` per
 * lint run instead of in small objects.
 *
 * Why: a plain `{ x, y, width, height }` whose fields ever held a fraction stores each
 * coordinate as a separate heap number, so one rectangle is five objects. On a
 * 10,000-element scene those were 40,000 of the model's 70,000 objects, and the young
 * generation is smaller than such a model: every collection that lands mid-build copies
 * all of them, which made a pass over 10,000 elements cost 25 times one over 1,000.
 * A view here is one small object; its coordinates live outside the collected heap.
 *
 * Views are read-only, like the `Rect` and `Point` they stand for, and read through
 * getters: spread (`{ ...rect }`) does not copy them, so code that needs a plain object
 * builds one field by field.
 */
export class CoordStore {
  private data: Float64Array;
  private used = 0;

  /** @param expected coordinates the run will likely store (it grows when wrong). */
  constructor(expected: number) {
    this.data = new Float64Array(Math.max(16, expected));
  }

  /** The element's bounding box, as `elementRect` measures it (rotation ignored). */
  rectOf(el: SceneElement): Rect {
    return elementBox(el, this.makeRect);
  }

  private readonly makeRect = (x: number, y: number, width: number, height: number): Rect =>
    this.rect(x, y, width, height);

  /** The absolute polyline of an arrow or line, as `polylineOf` reads it: at least two points. */
  polylineOf(el: SceneElement): Point[] {
    const x = num(el.x),
      y = num(el.y);
    const src = el.points ?? [];
    const n = Math.max(2, src.length);
    const pts = new Array<Point>(n);
    for (let i = 0; i < src.length; i++) pts[i] = this.point(x + num(src[i]![0]), y + num(src[i]![1]));
    if (src.length === 0) pts[0] = this.point(x, y);
    if (src.length <= 1) pts[1] = this.point(x + num(el.width), y + num(el.height));
    return pts;
  }

  private rect(x: number, y: number, width: number, height: number): Rect {
    const at = this.reserve(4);
    const d = this.data;
    d[at] = x;
    d[at + 1] = y;
    d[at + 2] = width;
    d[at + 3] = height;
    return new PackedRect(d, at);
  }

  private point(x: number, y: number): Point {
    const at = this.reserve(2);
    this.data[at] = x;
    this.data[at + 1] = y;
    return new PackedPoint(this.data, at);
  }

  /** Offset of `n` free slots. Growing starts a new array: views made so far keep the old one. */
  private reserve(n: number): number {
    if (this.used + n > this.data.length) {
      this.data = new Float64Array(this.data.length * 2);
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    return at;
  }
}

class PackedRect implements Rect {
  constructor(
    private readonly d: Float64Array,
    private readonly at: number,
  ) {}
  get x(): number {
    return this.d[this.at]!;
  }
  get y(): number {
    return this.d[this.at + 1]!;
  }
  get width(): number {
    return this.d[this.at + 2]!;
  }
  get height(): number {
    return this.d[this.at + 3]!;
  }
}

class PackedPoint implements Point {
  constructor(
    private readonly d: Float64Array,
    private readonly at: number,
  ) {}
  get x(): number {
    return this.d[this.at]!;
  }
  get y(): number {
    return this.d[this.at + 1]!;
  }
}
