import type { Kind, Point, Rect, SceneElement } from "@archboard/scene";
import type { NumberMention } from "./numbers.ts";

/** How a label was found: bound text, free text we matched by position/group, or none. */
export type LabelSource = "bound" | "free" | "none";

/**
 * What an arrow is taken to carry. Requests flow away from the client; replies come
 * back; pushes are data sent toward the caller without a request (price updates,
 * notifications, events).
 */
export type EdgeRole = "request" | "reply" | "push";

/**
 * What kind of line an arrow is: a connection between components, a message between
 * the lifelines of a sequence diagram, or an annotation (a pointer from a note, a
 * bracket, arrows between texts), which is not part of the architecture.
 */
export type EdgeKind = "connection" | "message" | "annotation";

/** A live rectangle, ellipse or diamond (or a frame, which is always a zone). */
export interface Box {
  readonly id: string;
  /** Position in `DiagramModel.boxes`. */
  readonly index: number;
  readonly element: SceneElement;
  /** The element's type (`rectangle`, `ellipse`, `diamond`, `frame`…), kept here so passes over boxes need not read the element. */
  readonly type: string;
  readonly rect: Rect;
  readonly area: number;
  readonly rotated: boolean;
  /** Contains other boxes, or is a frame: a grouping, not a component. */
  isZone: boolean;
  label: string;
  labelSource: LabelSource;
  /** The bound text element, when there is one. */
  boundTextId: string | null;
  /** Free text elements read as this box's label (SD013 offers to bind them). */
  freeLabelIds: string[];
  /** Holds an image or other drawing that can stand in for a name (an icon). */
  hasIcon: boolean;
  /** The name of an image it holds (`customData.alt` / `fileName`), when there is no text. */
  imageName: string | null;
  /** Holds an image: named by it in messages when it has no text. */
  hasImage: boolean;
  /**
   * Part of a drawing whose component is another box (a cylinder's top ellipse, a
   * stacked card, a cloud's puff): arrows bound to this box belong to that one.
   */
  partOf: Box | null;
  /** Drawn as a person (a small round head over a body): a user. */
  isPerson: boolean;
  /** A record or table (a label listing fields), not a component of the flow. */
  isRecord: boolean;
  /** The design this box belongs to, when one canvas holds several (see `DiagramModel.regionCount`). */
  region: number;
  kind: Kind | null;
  tier: number | null;
  /** Edges touching this box, either end, bound or inferred. */
  readonly edges: Edge[];
  /** Lines (not arrows) ending on this box: they connect it visually. */
  lineCount: number;
}

/** A live arrow. `from`/`to` follow the arrowheads, so `from` is where the request starts. */
export interface Edge {
  readonly id: string;
  readonly element: SceneElement;
  readonly points: readonly Point[];
  /** Start and end in drawing order (not arrowhead order). */
  readonly start: Point;
  readonly end: Point;
  /** Length of the drawn path (px). */
  readonly length: number;
  /** Drawn fully transparent (zero opacity or a transparent stroke): nobody sees it. */
  readonly invisible: boolean;
  /** In a group: possibly a stroke of an icon drawn with arrows. */
  readonly grouped: boolean;
  /** Element ids read from `startBinding.elementId` / `endBinding.elementId`. */
  readonly startBindingId: string | null;
  readonly endBindingId: string | null;
  /** The binding names an element that is missing or deleted. */
  readonly startBindingBroken: boolean;
  readonly endBindingBroken: boolean;
  /** Boxes at the start/end: bound, or inferred because the unbound end lies on a box. */
  startBox: Box | null;
  endBox: Box | null;
  startInferred: boolean;
  endInferred: boolean;
  /** "forward": start → end; "reverse": only the start has a head; "both"; "none". */
  readonly heads: "forward" | "reverse" | "both" | "none";
  /** Logical source and target after reading the arrowheads. */
  from: Box | null;
  to: Box | null;
  /** Connection, sequence-diagram message or annotation. */
  kind: EdgeKind;
  /** Request, reply or push (read from the label, the arrow pair and the flow). */
  role: EdgeRole;
  /** For an end resting on nothing: distance (px) to the nearest box within reach, and which box. */
  startNear: { box: Box; gap: number } | null;
  endNear: { box: Box; gap: number } | null;
  /** An end bound to a free text that labels a box: that text's id (the arrow follows the text, not the box). */
  startViaText: string | null;
  endViaText: string | null;
  label: string;
  labelSource: LabelSource;
  boundTextId: string | null;
  freeLabelIds: string[];
  numbers: NumberMention[];
}

/** A live text element with something in it. */
export interface TextItem {
  readonly id: string;
  readonly element: SceneElement;
  readonly text: string;
  readonly rect: Rect;
  /** Live container (box or arrow) of a bound text. */
  readonly containerId: string | null;
  /** What this free text was read as a label of, if anything. */
  labelOf: { kind: "box" | "edge"; id: string; how: "inside" | "group" | "near" | "caption" } | null;
  /** Font size in scene px (20 when the file does not say). */
  readonly fontSize: number;
  readonly numbers: NumberMention[];
}

/** The scene as the rules see it: computed once per lint run. */
export interface DiagramModel {
  readonly elements: readonly SceneElement[];
  /** Live elements by id. */
  readonly byId: ReadonlyMap<string, SceneElement>;
  /** Every box, zones included. */
  readonly boxes: readonly Box[];
  /** Boxes that are not zones: the components of the architecture. */
  readonly components: readonly Box[];
  readonly boxById: ReadonlyMap<string, Box>;
  readonly edges: readonly Edge[];
  readonly edgeById: ReadonlyMap<string, Edge>;
  readonly texts: readonly TextItem[];
  readonly textById: ReadonlyMap<string, TextItem>;
  /** Every figure written anywhere in the scene's text. */
  readonly numbers: readonly NumberMention[];
  /** True when `customData.lint.disable` on the element (or its container) lists the rule. */
  isDisabled: (elementId: string, rule: { id: string; alias: string }) => boolean;
  /** Boxes whose bounding box touches `rect` (spatial index; the array is reused by the next call). */
  boxesTouching: (rect: Rect) => readonly Box[];
  /** Connected component id of a box over edges (undirected), for reachability rules. */
  componentOf: (box: Box) => number;
  /**
   * How much bigger than usual this board is drawn: the typical font size over 20 px
   * (at least 1). Distances read from the drawing are multiplied by it.
   */
  readonly scale: number;
  /** Vertical lines of sequence diagrams (x, top, bottom): their participants are connected through them. */
  readonly lifelines: readonly { readonly x: number; readonly top: number; readonly bottom: number }[];
  /** Number of separate designs on the canvas (boxes far apart from each other); `Box.region` is 0-based. */
  readonly regionCount: number;
}
