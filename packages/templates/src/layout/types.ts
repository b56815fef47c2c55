/**
 * The laid-out diagram: every position computed once, in scene coordinates. Both
 * outputs (Excalidraw skeletons and full elements) are straight translations of this,
 * so they cannot drift apart.
 */
import { BINDING_GAP, union, type Point, type Rect, type TextBlock } from "@archboard/scene";
import type { BoxShape, ConnectionStyle, Kind, LineLook, MessageStyle } from "../kinds.ts";

/** What a box is for the linter beyond its kind (`customData.lint.role`). */
export type BoxRole = "lifeline" | "lifeline-header";

export interface PlacedBox {
  /** Component or participant id in the template. */
  readonly key: string;
  /** Element id: the id prefix plus the key. */
  readonly id: string;
  readonly kind: Kind;
  readonly shape: BoxShape;
  readonly rect: Rect;
  readonly backgroundColor: string;
  readonly strokeStyle: "solid" | "dashed";
  /** Bound label, wrapped to the box; null for unlabelled shapes (lifelines). */
  readonly label: { readonly text: string; readonly block: TextBlock; readonly fontSize: number } | null;
  readonly role?: BoxRole;
  readonly groupIds: readonly string[];
}

export interface PlacedArrow {
  readonly key: string;
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  /** Absolute points, first at the source. */
  readonly points: readonly Point[];
  readonly style: ConnectionStyle | MessageStyle;
  readonly look: LineLook;
  readonly label: { readonly text: string; readonly block: TextBlock; readonly fontSize: number; readonly rect: Rect };
  /** Excalidraw's binding focus at each end (0 = aimed at the centre). */
  readonly focus: { readonly start: number; readonly end: number };
}

export interface PlacedZone {
  readonly key: string;
  readonly id: string;
  readonly rect: Rect;
  readonly label: { readonly text: string; readonly block: TextBlock; readonly fontSize: number };
  readonly memberIds: readonly string[];
}

export interface PlacedNote {
  readonly key: string;
  readonly id: string;
  /** Wrapped text; notes are free text, so the breaks are explicit. */
  readonly block: TextBlock;
  readonly fontSize: number;
  readonly rect: Rect;
}

export interface LaidOutDiagram {
  readonly templateId: string;
  readonly zones: readonly PlacedZone[];
  readonly boxes: readonly PlacedBox[];
  readonly arrows: readonly PlacedArrow[];
  readonly notes: readonly PlacedNote[];
  /** Everything drawn, labels and notes included. */
  readonly bounds: Rect;
}

/** Options shared by every layout entry point. */
export interface LayoutOptions {
  /** Top-left corner of the laid-out diagram (its bounds). Default {0, 0}. */
  readonly origin?: Point;
  /** Prepended to every element id. Default: the template id and a slash. */
  readonly idPrefix?: string;
}

/** Sizes shared by the layouts and checked by the tests. */
export const SIZES = {
  boxWidth: 180,
  boxHeight: 80,
  /** The tightest spacing between columns and rows; gaps grow from here to fit their arrows' labels (spacing.ts). */
  gapX: 120,
  gapY: 110,
  boxFont: 16,
  arrowFont: 14,
  noteFont: 16,
  zonePadding: 24,
  zoneTitle: 28,
  /** Between the diagram and its notes: clear of the linter's 40 px arrow-label radius. */
  noteMargin: 80,
  /** Arrowheads stop this far from the outline, as Excalidraw binds them. */
  bindingGap: BINDING_GAP,
} as const;

/** Everything `rects` cover. A template always draws something, so there is always one. */
export function boundsOf(rects: readonly Rect[]): Rect {
  const covered = union(rects);
  if (!covered) throw new Error("a laid-out template draws at least one shape");
  return covered;
}
