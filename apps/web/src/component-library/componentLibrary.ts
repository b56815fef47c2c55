/**
 * The component library shipped with the app, shown in Excalidraw's library panel: one
 * item per building block of a system-design diagram. Every item is a small group whose
 * one labelled box carries `customData.kind`, so the linter reads it as that kind even
 * after the user renames it; decorations (a cylinder's cap, a phone's home bar) are
 * lines, which the linter never mistakes for components.
 */
import {
  elementFactory,
  ellipseArc,
  KIND_FILL,
  ROUNDNESS,
  seededRandom,
  type ElementFactory,
  type ElementOptions,
  type ElementRecord,
  type Kind,
  type Point,
  type Rect,
} from "@archboard/scene";
import type { LibraryItem } from "@excalidraw/excalidraw/types";

const DECOR = "#495057";

/** One entry of the library, before it becomes Excalidraw's `LibraryItem`. */
export interface ComponentSpec {
  /** Stable id: `lib-<key>`; element ids derive from it. */
  readonly key: string;
  /** Name shown in the library panel. */
  readonly name: string;
  readonly kind: Kind;
  /** The label drawn in the box. */
  readonly label: string;
  readonly draw: (ctx: DrawContext) => ElementRecord[];
}

interface DrawContext {
  readonly make: ElementFactory;
  readonly id: (part: string) => string;
  readonly group: readonly string[];
  /** The labelled box's style: fill for the kind, `customData.kind`. */
  readonly box: ElementOptions;
  readonly label: string;
}

/** A plain labelled box, the body of most items. */
function box(ctx: DrawContext, type: "rectangle" | "ellipse", r: Rect, style: ElementOptions = {}): ElementRecord[] {
  const body = ctx.make[type](r, {
    id: ctx.id("box"),
    groupIds: ctx.group,
    ...ctx.box,
    roundness: type === "rectangle" ? ROUNDNESS.adaptive : null,
    ...style,
  });
  return [body, ctx.make.boundLabel(body, ctx.label, { id: `${body.id}-label` })];
}

/** A line through `points` (item coordinates) in the item's group. */
function line(
  ctx: DrawContext,
  part: string,
  points: readonly (readonly [number, number])[],
  style: ElementOptions = {},
): ElementRecord {
  return ctx.make.line(
    points.map(([x, y]): Point => ({ x, y })),
    { id: ctx.id(part), groupIds: ctx.group, ...style },
  );
}

const deco = (ctx: DrawContext, part: string, points: [number, number][], style: ElementOptions = {}): ElementRecord =>
  line(ctx, part, points, { strokeColor: DECOR, strokeWidth: 1, ...style });

const xy = (points: readonly Point[]): [number, number][] => points.map((p) => [p.x, p.y]);

/** A cylinder: a filled body outline, a cap ellipse over it, and a transparent labelled box for the linter and arrows. */
function cylinder(ctx: DrawContext, w: number, h: number): ElementRecord[] {
  const ry = 14;
  // Left side, the bottom arc through its lowest point, right side, closed along the cap's middle (hidden by the cap).
  const bottom = xy(ellipseArc({ x: 0, y: h - 2 * ry, width: w, height: 2 * ry }, Math.PI, 0));
  const body: [number, number][] = [[0, ry], ...bottom, [w, ry], [0, ry]];
  const fill = ctx.box.backgroundColor;
  const outline = line(ctx, "body", body, { backgroundColor: fill, roundness: null });
  const cap = line(ctx, "cap", xy(ellipseArc({ x: 0, y: 0, width: w, height: 2 * ry }, 0, 2 * Math.PI, 24)), {
    backgroundColor: fill,
  });
  const [labelled, text] = box(
    ctx,
    "rectangle",
    { x: 0, y: 2 * ry, width: w, height: h - 3 * ry },
    {
      strokeColor: "transparent",
      backgroundColor: "transparent",
      roundness: null,
    },
  );
  return [outline, cap, labelled!, text!];
}

/** The library, in the order the panel lists it (request path left to right, then the side). */
export const COMPONENT_SPECS: readonly ComponentSpec[] = [
  {
    key: "client",
    name: "Client (web)",
    kind: "client",
    label: "Client",
    draw: (c) => [
      ...box(c, "rectangle", { x: 0, y: 0, width: 160, height: 90 }),
      deco(c, "chrome", [
        [0, 18],
        [160, 18],
      ]),
    ],
  },
  {
    key: "mobile",
    name: "Mobile client",
    kind: "client",
    label: "Mobile",
    draw: (c) => [
      ...box(c, "rectangle", { x: 0, y: 0, width: 90, height: 140 }),
      deco(
        c,
        "speaker",
        [
          [35, 12],
          [55, 12],
        ],
        { strokeWidth: 2 },
      ),
      deco(
        c,
        "home",
        [
          [32, 126],
          [58, 126],
        ],
        { strokeWidth: 2 },
      ),
    ],
  },
  {
    key: "cdn",
    name: "CDN",
    kind: "edge",
    label: "CDN",
    draw: (c) => box(c, "ellipse", { x: 0, y: 0, width: 150, height: 90 }),
  },
  {
    key: "dns",
    name: "DNS",
    kind: "edge",
    label: "DNS",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 130, height: 70 }),
  },
  {
    key: "lb",
    name: "Load balancer",
    kind: "lb",
    label: "Load Balancer",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 180, height: 80 }),
  },
  {
    key: "gateway",
    name: "API gateway",
    kind: "lb",
    label: "API Gateway",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 170, height: 80 }, { strokeStyle: "dashed" }),
  },
  {
    key: "service",
    name: "Service",
    kind: "service",
    label: "Service",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 160, height: 80 }),
  },
  {
    key: "worker",
    name: "Workers",
    kind: "worker",
    label: "Workers",
    // Two offset outlines behind the box read as "several of these".
    draw: (c) => [
      deco(
        c,
        "stack2",
        [
          [16, -16],
          [176, -16],
          [176, 64],
        ],
        { strokeWidth: 2 },
      ),
      deco(
        c,
        "stack1",
        [
          [8, -8],
          [168, -8],
          [168, 72],
        ],
        { strokeWidth: 2 },
      ),
      ...box(c, "rectangle", { x: 0, y: 0, width: 160, height: 80 }),
    ],
  },
  {
    key: "cache",
    name: "Cache",
    kind: "cache",
    label: "Cache",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 140, height: 70 }),
  },
  { key: "db", name: "Database", kind: "db", label: "Database", draw: (c) => cylinder(c, 140, 120) },
  {
    key: "queue",
    name: "Queue / topic",
    kind: "queue",
    label: "Queue",
    // Message slots at both ends: the usual drawing of a queue.
    draw: (c) => [
      ...box(c, "rectangle", { x: 0, y: 0, width: 190, height: 70 }, { roundness: null }),
      ...[16, 30, 160, 174].map((x) =>
        deco(
          c,
          `slot${x}`,
          [
            [x, 0],
            [x, 70],
          ],
          { strokeWidth: 2, strokeColor: "#1e1e1e" },
        ),
      ),
    ],
  },
  {
    key: "blob",
    name: "Blob storage",
    kind: "storage",
    label: "Blob Storage",
    // A bucket: a filled trapezoid under a transparent labelled box.
    draw: (c) => [
      line(
        c,
        "bucket",
        [
          [0, 0],
          [170, 0],
          [155, 100],
          [15, 100],
          [0, 0],
        ],
        { backgroundColor: KIND_FILL.storage },
      ),
      deco(c, "rim", [
        [0, 14],
        [170, 14],
      ]),
      ...box(
        c,
        "rectangle",
        { x: 10, y: 14, width: 150, height: 86 },
        { strokeColor: "transparent", backgroundColor: "transparent", roundness: null },
      ),
    ],
  },
  {
    key: "search",
    name: "Search index",
    kind: "search",
    label: "Search Index",
    draw: (c) => box(c, "rectangle", { x: 0, y: 0, width: 170, height: 80 }),
  },
  {
    key: "monitoring",
    name: "Monitoring",
    kind: "observability",
    label: "Monitoring",
    draw: (c) => [
      ...box(c, "rectangle", { x: 0, y: 0, width: 170, height: 100 }),
      deco(
        c,
        "chart",
        [
          [20, 88],
          [50, 74],
          [75, 82],
          [105, 66],
          [130, 76],
          [150, 62],
        ],
        { strokeColor: "#2f9e44", strokeWidth: 2 },
      ),
    ],
  },
];

/**
 * The elements of one item at the origin, grouped, the labelled box tagged with its
 * kind. Seeds come from the item's id, so an item looks the same on every load.
 */
export function componentElements(spec: ComponentSpec): ElementRecord[] {
  const prefix = `lib-${spec.key}`;
  const ctx: DrawContext = {
    make: elementFactory({ random: seededRandom(prefix), now: () => 1 }),
    id: (part) => `${prefix}-${part}`,
    group: [`${prefix}-group`],
    box: { backgroundColor: KIND_FILL[spec.kind], customData: { kind: spec.kind, library: spec.key } },
    label: spec.label,
  };
  return spec.draw(ctx);
}

/** The library as Excalidraw items (text sized by Excalifont's table; `measureLibraryItems` lets Excalidraw measure). */
export function componentLibrary(): LibraryItem[] {
  return COMPONENT_SPECS.map((spec) => ({
    id: `lib-${spec.key}`,
    status: "unpublished",
    name: spec.name,
    created: 1,
    // Structurally Excalidraw 0.18 elements; its brands (points, indices) are nominal only.
    elements: componentElements(spec) as unknown as LibraryItem["elements"],
  }));
}
