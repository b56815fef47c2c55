/**
 * Readable test scenes: `scene().box("api", "API Servers", { x: 300, y: 0 })
 * .arrow("a1", "client", "api", { label: "GET /feed" }).elements` produces the element
 * records Excalidraw 0.18 would save: bound text with `containerId`, arrows with
 * `startBinding`/`endBinding` and points, `boundElements` on both sides.
 */
import { elementFactory, indexKey, seededRandom } from "@archboard/scene";

/** A mutable element record (tests poke fields freely); assignable to `SceneElement`. */
export type Json = {
  id: string;
  type: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  [key: string]: unknown;
};

export interface BoxOptions {
  x: number;
  y: number;
  w?: number;
  h?: number;
  type?: "rectangle" | "ellipse" | "diamond";
  /** `customData.kind`, as templates set it. */
  kind?: string;
  /** `customData.lint.disable`. */
  disable?: string[];
  groupIds?: string[];
  angle?: number;
  /** Put the label in a free text over the box instead of binding it. */
  freeLabel?: boolean;
}

export interface ArrowOptions {
  label?: string;
  /** Free text placed at the arrow's midpoint instead of a bound label. */
  freeLabel?: string;
  heads?: "end" | "start" | "both" | "none";
  disable?: string[];
  /** Leave the ends unbound (points still drawn box to box). */
  unbound?: boolean;
}

/** Repeatable seeds and a fixed clock, so a test scene is the same on every run. */
const make = elementFactory({ random: seededRandom("test-scene"), now: () => 1 });

const shape = (
  id: string,
  type: "rectangle" | "ellipse" | "diamond",
  x: number,
  y: number,
  w: number,
  h: number,
): Json => make[type]({ x, y, width: w, height: h }, { id, roundness: null });

/** Text centred at (x, y): bound labels centred, free text left and top aligned, as Excalidraw writes them. */
function textElement(id: string, text: string, x: number, y: number, containerId: string | null): Json {
  return make.text(text, {
    id,
    center: { x, y },
    fontSize: 16,
    containerId,
    textAlign: containerId ? "center" : "left",
    verticalAlign: containerId ? "middle" : "top",
  });
}

export class SceneBuilder {
  private readonly list: Json[] = [];

  /** Every element, with fractional indices in array order (a0, a1, …). */
  get elements(): Json[] {
    return this.list.map((el, i) => ({ ...el, index: indexKey(i) }));
  }

  get(id: string): Json {
    const el = this.list.find((e) => e.id === id);
    if (!el) throw new Error(`no element ${id} in test scene`);
    return el;
  }

  box(id: string, label: string, o: BoxOptions): this {
    const w = o.w ?? 160,
      h = o.h ?? 80;
    const el: Json = {
      ...shape(id, o.type ?? "rectangle", o.x, o.y, w, h),
      groupIds: o.groupIds ?? [],
      angle: o.angle ?? 0,
    };
    const custom: Record<string, unknown> = {};
    if (o.kind) custom["kind"] = o.kind;
    if (o.disable) custom["lint"] = { disable: o.disable };
    if (Object.keys(custom).length > 0) el["customData"] = custom;
    this.list.push(el);
    if (label) {
      const text = textElement(`${id}-label`, label, o.x + w / 2, o.y + h / 2, o.freeLabel ? null : id);
      if (o.freeLabel) text["groupIds"] = o.groupIds ?? [];
      else this.link(el, { type: "text", id: text.id });
      this.list.push(text);
    }
    return this;
  }

  /** A zone: a big box drawn around others (give it a rect that contains them). */
  zone(id: string, label: string, o: BoxOptions): this {
    const el = shape(id, o.type ?? "rectangle", o.x, o.y, o.w ?? 600, o.h ?? 400);
    this.list.unshift(el);
    if (label) this.list.push(textElement(`${id}-title`, label, o.x + 60, o.y + 15, null));
    return this;
  }

  /** Free text centred at (x, y). */
  text(id: string, text: string, at: { x: number; y: number; groupIds?: string[] }): this {
    this.list.push({ ...textElement(id, text, at.x, at.y, null), groupIds: at.groupIds ?? [] });
    return this;
  }

  arrow(id: string, fromId: string | null, toId: string | null, o: ArrowOptions = {}): this {
    const from = fromId ? this.get(fromId) : null;
    const to = toId ? this.get(toId) : null;
    const [start, end] = endpoints(from, to);
    const heads = o.heads ?? "end";
    const el: Json = make.arrow([start, end], {
      id,
      startBinding: from && !o.unbound ? { elementId: from.id, focus: 0, gap: 1 } : null,
      endBinding: to && !o.unbound ? { elementId: to.id, focus: 0, gap: 1 } : null,
      startArrowhead: heads === "start" || heads === "both" ? "arrow" : null,
      endArrowhead: heads === "end" || heads === "both" ? "arrow" : null,
    });
    if (o.disable) el["customData"] = { lint: { disable: o.disable } };
    this.list.push(el);
    if (!o.unbound) {
      if (from) this.link(from, { type: "arrow", id });
      if (to) this.link(to, { type: "arrow", id });
    }
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    if (o.label) {
      this.link(el, { type: "text", id: `${id}-label` });
      this.list.push(textElement(`${id}-label`, o.label, mid.x, mid.y, id));
    }
    if (o.freeLabel) this.list.push(textElement(`${id}-label`, o.freeLabel, mid.x, mid.y - 20, null));
    return this;
  }

  /** Any extra raw element (lines, images, deleted things…). */
  raw(el: Json): this {
    this.list.push(el);
    return this;
  }

  private link(el: Json, ref: { type: string; id: string }): void {
    const list = (el["boundElements"] as { type: string; id: string }[] | null) ?? [];
    el["boundElements"] = [...list, ref];
  }
}

/** Start on the side of `from` facing `to`, end on the facing side of `to`. */
function endpoints(from: Json | null, to: Json | null): [{ x: number; y: number }, { x: number; y: number }] {
  const c = (e: Json) => ({ x: e.x! + e.width! / 2, y: e.y! + e.height! / 2 });
  const a = from ? c(from) : { x: (to?.x ?? 0) - 200, y: to ? c(to).y : 0 };
  const b = to ? c(to) : { x: a.x + 200, y: a.y };
  const side = (e: Json | null, p: { x: number; y: number }, toward: { x: number; y: number }) => {
    if (!e) return p;
    const dx = toward.x - p.x,
      dy = toward.y - p.y;
    if (Math.abs(dx) >= Math.abs(dy)) return { x: dx > 0 ? e.x! + e.width! + 1 : e.x! - 1, y: p.y };
    return { x: p.x, y: dy > 0 ? e.y! + e.height! + 1 : e.y! - 1 };
  };
  return [side(from, a, b), side(to, b, a)];
}

/** Starts an empty scene. */
export function scene(): SceneBuilder {
  return new SceneBuilder();
}

/** The standard backend (client, CDN, load balancer, API, cache, database, queue, workers, blob storage), laid out left to right, every arrow labelled and numbered. */
export function standardArchitecture(): SceneBuilder {
  return scene()
    .box("client", "Client", { x: 0, y: 0 })
    .box("lb", "Load Balancer", { x: 250, y: 0 })
    .box("api", "API Servers", { x: 500, y: 0 })
    .box("cache", "Cache (Redis)", { x: 750, y: 0 })
    .box("db", "Database (Primary)", { x: 1000, y: 0 })
    .box("replica", "Read Replicas", { x: 1000, y: 200 })
    .box("queue", "Message Queue", { x: 750, y: 400 })
    .box("workers", "Workers", { x: 1000, y: 400 })
    .box("metrics", "Metrics", { x: 500, y: 400 })
    .arrow("a1", "client", "lb", { label: "HTTPS 12k QPS" })
    .arrow("a2", "lb", "api", { label: "12k QPS" })
    .arrow("a3", "api", "cache", { label: "read 10k QPS" })
    .arrow("a4", "cache", "db", { label: "miss 1k QPS" })
    .arrow("a5", "db", "replica", { label: "replicate 2 MB/s" })
    .arrow("a6", "api", "queue", { label: "publish 500/s" })
    .arrow("a7", "queue", "workers", { label: "consume 500/s" })
    .arrow("a8", "api", "metrics", { label: "metrics 1k/s" });
}
