/**
 * The one element factory: complete, valid Excalidraw 0.18 element records built in
 * plain TypeScript, for templates, the component library and the linter's fixes. Every
 * field Excalidraw stores is filled with its default, so the records can go straight to
 * `updateScene`, be saved, synced or linted. Text is measured with Excalifont's glyph advances (see text.ts).
 */
import type { BoundElement, ElementRecord, PointBinding } from "./elements.ts";
import { center, type Point, type Rect } from "./geometry.ts";
import { newElementId, randomInteger, type Random } from "./random.ts";
import { DEFAULT_FONT_FAMILY, DEFAULT_FONT_SIZE, LINE_HEIGHT, measureText } from "./text.ts";

/** Excalidraw's default stroke, for shapes and text. */
export const INK = "#1e1e1e";

/** Excalidraw's corner styles: `type` 2 scales with the size, 3 is a fixed radius. */
export const ROUNDNESS = { proportional: { type: 2 }, adaptive: { type: 3 } } as const;

/** Fields every element may set; anything else goes in `extra`. */
export interface ElementOptions {
  /** Element id. Default: a fresh random id. */
  readonly id?: string;
  readonly strokeColor?: string;
  readonly backgroundColor?: string;
  readonly fillStyle?: "solid" | "hachure" | "cross-hatch";
  readonly strokeWidth?: number;
  readonly strokeStyle?: "solid" | "dashed" | "dotted";
  readonly roughness?: number;
  readonly opacity?: number;
  readonly roundness?: { readonly type: number } | null;
  readonly groupIds?: readonly string[];
  readonly frameId?: string | null;
  readonly index?: string | null;
  readonly customData?: Record<string, unknown>;
}

export interface TextOptions extends ElementOptions {
  readonly fontSize?: number;
  readonly textAlign?: "left" | "center" | "right";
  readonly verticalAlign?: "top" | "middle" | "bottom";
  /** The container the text is bound to, if any. */
  readonly containerId?: string | null;
  /** The text as typed, when `text` has been wrapped. Default: `text`. */
  readonly originalText?: string;
  /** Top-left corner; or give `center`. Default: the origin. */
  readonly at?: Point;
  /** Centre of the text; wins over `at`. */
  readonly center?: Point;
}

export interface LinearOptions extends ElementOptions {
  readonly startBinding?: PointBinding | null;
  readonly endBinding?: PointBinding | null;
  readonly startArrowhead?: string | null;
  readonly endArrowhead?: string | null;
}

/** Element constructors sharing one source of seeds and one clock. */
export interface ElementFactory {
  rectangle: (r: Rect, options?: ElementOptions) => ElementRecord;
  ellipse: (r: Rect, options?: ElementOptions) => ElementRecord;
  diamond: (r: Rect, options?: ElementOptions) => ElementRecord;
  /** A text element sized by Excalifont's measured advances (text.ts). */
  text: (text: string, options?: TextOptions) => ElementRecord;
  /**
   * A label bound to `container`, centred in it unless `options.center` says otherwise,
   * in its groups and frame. Both sides of the binding are written: `container`'s
   * `boundElements` gains the label (pass a copy if it must stay as it was).
   */
  boundLabel: (container: ElementRecord, text: string, options?: TextOptions) => ElementRecord;
  /** An arrow through `points` (scene coordinates), head at the end. */
  arrow: (points: readonly Point[], options?: LinearOptions) => ElementRecord;
  /** A line through `points` (scene coordinates); closed when the last point repeats the first. */
  line: (points: readonly Point[], options?: LinearOptions) => ElementRecord;
  /** A frame named `name`. */
  frame: (r: Rect, name: string | null, options?: ElementOptions) => ElementRecord;
}

export interface FactoryOptions {
  /** Source of ids, seeds and nonces. Default: `Math.random`. */
  readonly random?: Random;
  /** The `updated` timestamp. Default: `Date.now`. */
  readonly now?: () => number;
}

/** Element constructors drawing seeds from `options.random` and times from `options.now`. */
export function elementFactory(options: FactoryOptions = {}): ElementFactory {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;

  const base = (type: string, r: Rect, o: ElementOptions, roundness: { type: number } | null): ElementRecord => ({
    id: o.id ?? newElementId(random),
    type,
    x: r.x,
    y: r.y,
    width: r.width,
    height: r.height,
    angle: 0,
    strokeColor: o.strokeColor ?? INK,
    backgroundColor: o.backgroundColor ?? "transparent",
    fillStyle: o.fillStyle ?? "solid",
    strokeWidth: o.strokeWidth ?? 2,
    strokeStyle: o.strokeStyle ?? "solid",
    roughness: o.roughness ?? 1,
    opacity: o.opacity ?? 100,
    groupIds: [...(o.groupIds ?? [])],
    frameId: o.frameId ?? null,
    index: o.index ?? null,
    roundness: o.roundness === undefined ? roundness : o.roundness,
    seed: randomInteger(random),
    version: 1,
    versionNonce: randomInteger(random),
    isDeleted: false,
    boundElements: null,
    updated: now(),
    link: null,
    locked: false,
    ...(o.customData ? { customData: o.customData } : {}),
  });

  const text = (content: string, o: TextOptions = {}): ElementRecord => {
    const fontSize = o.fontSize ?? DEFAULT_FONT_SIZE;
    const size = measureText(content, fontSize);
    const at = o.center
      ? { x: o.center.x - size.width / 2, y: o.center.y - size.height / 2 }
      : (o.at ?? { x: 0, y: 0 });
    return {
      ...base("text", { ...at, ...size }, o, null),
      text: content,
      originalText: o.originalText ?? content,
      fontSize,
      fontFamily: DEFAULT_FONT_FAMILY,
      textAlign: o.textAlign ?? "center",
      verticalAlign: o.verticalAlign ?? "middle",
      containerId: o.containerId ?? null,
      autoResize: true,
      lineHeight: LINE_HEIGHT,
    };
  };

  const linear = (
    type: "arrow" | "line",
    points: readonly Point[],
    o: LinearOptions,
    roundness: { type: number } | null,
  ) => {
    const first = points[0] ?? { x: 0, y: 0 };
    const local = points.map((p) => [p.x - first.x, p.y - first.y] as [number, number]);
    const xs = local.map((p) => p[0]),
      ys = local.map((p) => p[1]);
    const r = {
      x: first.x,
      y: first.y,
      width: Math.max(...xs) - Math.min(...xs),
      height: Math.max(...ys) - Math.min(...ys),
    };
    return {
      ...base(type, r, o, roundness),
      points: local,
      lastCommittedPoint: null,
      startBinding: o.startBinding ?? null,
      endBinding: o.endBinding ?? null,
    };
  };

  return {
    rectangle: (r, o = {}) => base("rectangle", r, o, ROUNDNESS.adaptive),
    ellipse: (r, o = {}) => base("ellipse", r, o, null),
    diamond: (r, o = {}) => base("diamond", r, o, ROUNDNESS.proportional),
    text,
    boundLabel(container, content, o = {}) {
      const label = text(content, {
        groupIds: container["groupIds"] as readonly string[] | undefined,
        frameId: (container["frameId"] as string | null | undefined) ?? null,
        center: center(container as unknown as Rect),
        ...o,
        containerId: container.id,
      });
      const bound = (container["boundElements"] as BoundElement[] | null | undefined) ?? [];
      container["boundElements"] = [...bound, { id: label.id, type: "text" }];
      return label;
    },
    arrow: (points, o = {}) => ({
      ...linear("arrow", points, o, ROUNDNESS.proportional),
      elbowed: false,
      startArrowhead: o.startArrowhead ?? null,
      endArrowhead: o.endArrowhead === undefined ? "arrow" : o.endArrowhead,
    }),
    line: (points, o = {}) => ({
      ...linear("line", points, o, null),
      startArrowhead: o.startArrowhead ?? null,
      endArrowhead: o.endArrowhead ?? null,
    }),
    frame: (r, name, o = {}) => ({ ...base("frame", r, o, null), name }),
  };
}

/**
 * A copy of `el` with `changes` applied and its version bumped the way Excalidraw does
 * (version + 1, fresh versionNonce, updated = now), so reconciliation and sync take it.
 */
export function bumped<T extends { readonly version?: number }>(
  el: T,
  changes: Record<string, unknown>,
  random: Random = Math.random,
): T & ElementRecord {
  return {
    ...(el as T & ElementRecord),
    ...changes,
    version: (typeof el.version === "number" ? el.version : 1) + 1,
    versionNonce: randomInteger(random),
    updated: Date.now(),
  };
}
