/**
 * The vocabulary templates share with the diagram linter: component kinds, their tier
 * (the column a request reaches them in, left to right) and how each kind and each
 * connection style is drawn. Kinds are the linter's (docs/rules/README.md, "Model"); a template
 * tags every box with `customData.kind` so the linter never has to guess from labels.
 */

/** Component kinds, in tier order; `observability` sits outside the request path. */
export const KINDS = [
  "client", "edge", "lb", "service", "worker", "cache", "queue", "db", "storage", "search", "observability",
] as const;

/** What a component is; written to `customData.kind`. */
export type Kind = (typeof KINDS)[number];

/** Column of each kind, left to right; null for kinds outside the request path. */
export const TIER: Readonly<Record<Kind, number | null>> = {
  client: 0, edge: 1, lb: 2, service: 3, worker: 3, cache: 4, queue: 4,
  db: 5, storage: 5, search: 5, observability: null,
};

/** Where kinds without a tier go: right of every tiered column. */
export const UNTIERED_COLUMN = 6;

/** The column a kind is drawn in (an explicit column only matters for untiered kinds). */
export function columnOf(kind: Kind, explicit?: number): number {
  return TIER[kind] ?? explicit ?? UNTIERED_COLUMN;
}

/**
 * How an arrow reads: `request` is the synchronous entry path, `read` and `write` are
 * drawn distinctly so the read/write split is visible at a glance, `async` is work
 * handed to queues, replication and other fire-and-forget flows.
 */
export const CONNECTION_STYLES = ["request", "read", "write", "async"] as const;
export type ConnectionStyle = (typeof CONNECTION_STYLES)[number];

/** Sequence-diagram messages: calls solid, replies dashed (UML convention). */
export type MessageStyle = "call" | "reply";

/** Excalidraw stroke styles. */
export type StrokeStyle = "solid" | "dashed" | "dotted";

export interface LineLook {
  readonly strokeColor: string;
  readonly strokeStyle: StrokeStyle;
}

/** Colours from Excalidraw's own palette, so templates look native next to hand drawing. */
export const LINE_LOOK: Readonly<Record<ConnectionStyle | MessageStyle, LineLook>> = {
  request: { strokeColor: "#1e1e1e", strokeStyle: "solid" },
  read: { strokeColor: "#1971c2", strokeStyle: "solid" },
  write: { strokeColor: "#e03131", strokeStyle: "dashed" },
  async: { strokeColor: "#9c36b5", strokeStyle: "dotted" },
  call: { strokeColor: "#1e1e1e", strokeStyle: "solid" },
  reply: { strokeColor: "#1e1e1e", strokeStyle: "dashed" },
};

export type BoxShape = "rectangle" | "ellipse";

export interface BoxLook {
  readonly shape: BoxShape;
  readonly backgroundColor: string;
}

/** Users and datastores are rounded (the usual whiteboard idiom); everything else is a box. */
export const BOX_LOOK: Readonly<Record<Kind, BoxLook>> = {
  client: { shape: "ellipse", backgroundColor: "#a5d8ff" },
  edge: { shape: "rectangle", backgroundColor: "#99e9f2" },
  lb: { shape: "rectangle", backgroundColor: "#d0bfff" },
  service: { shape: "rectangle", backgroundColor: "#b2f2bb" },
  worker: { shape: "rectangle", backgroundColor: "#c0eb75" },
  cache: { shape: "rectangle", backgroundColor: "#ffc9c9" },
  queue: { shape: "rectangle", backgroundColor: "#ffec99" },
  db: { shape: "ellipse", backgroundColor: "#ffd8a8" },
  storage: { shape: "rectangle", backgroundColor: "#ffd8a8" },
  search: { shape: "rectangle", backgroundColor: "#eebefa" },
  observability: { shape: "rectangle", backgroundColor: "#e9ecef" },
};

/** Default stroke for boxes and text. */
export const INK = "#1e1e1e";
