/**
 * How templates draw the shared vocabulary: component kinds and their tiers come from
 * `@archboard/scene` (the linter reads the same ones, docs/rules/README.md, "Model");
 * here is the column each kind is drawn in and how each kind and each connection style
 * looks. A template tags every box with `customData.kind` so the linter never has to
 * guess from labels.
 */
import { KIND_FILL, TIER, type Kind } from "@archboard/scene";

export { KINDS, TIER, INK, type Kind } from "@archboard/scene";

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
const ROUNDED: ReadonlySet<Kind> = new Set(["client", "db"]);

/** Each kind's outline and its fill. */
export const BOX_LOOK: Readonly<Record<Kind, BoxLook>> = Object.fromEntries(
  Object.entries(KIND_FILL).map(([kind, fill]) => [
    kind,
    { shape: ROUNDED.has(kind as Kind) ? "ellipse" : "rectangle", backgroundColor: fill },
  ]),
) as Record<Kind, BoxLook>;
