/**
 * Building blocks ("add a cache in front of this") inserted next to the element the user
 * selected. The block's anchor component stands for that element: the other components
 * are placed around it as the template's grid places them around the anchor, and the
 * block's arrows bind to the selected element itself.
 *
 * This goes through full elements, not skeletons: `convertToExcalidrawElements` can only
 * bind arrows to elements in the same batch, and the anchor is already on the board.
 */
import { bumped, type BoundElement, type Random, type Rect } from "@archboard/scene";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { layoutFlow } from "./layout/flow.ts";
import { boundsOf } from "./layout/types.ts";
import { toElements } from "./output/elements.ts";
import type { Template } from "./schema.ts";

/** The selected element, as much of it as placement needs; any Excalidraw element fits. */
export interface AnchorElement extends Rect {
  readonly id: string;
  readonly type: string;
  readonly boundElements?: readonly BoundElement[] | null;
  readonly version?: number;
}

export interface InsertOptions {
  /** Prefix for new element ids. Default: the template id and a random tag, fresh per call. */
  readonly idPrefix?: string;
  /** Source of ids, seeds and nonces. Default: Math.random. */
  readonly random?: Random;
}

export interface InsertedBlock<A extends AnchorElement> {
  /** New boxes, labels and arrows (arrows bound to the anchor and to the new boxes). */
  readonly elements: ExcalidrawElement[];
  /**
   * The anchor with the new arrows added to its `boundElements` and its version bumped:
   * replace the selected element with it, or its arrows will not follow it when moved.
   */
  readonly anchor: A;
  /** Area covered by the new elements, to check against what is already on the board. */
  readonly bounds: Rect;
}

/**
 * Places a building block next to `anchor`. Throws if the template is not a building
 * block. Insert with
 * `updateScene({ elements: [...elements.filter((e) => e.id !== anchor.id), r.anchor, ...r.elements] })`.
 */
export function insertBuildingBlock<A extends AnchorElement>(
  template: Template,
  anchor: A,
  options: InsertOptions = {},
): InsertedBlock<A> {
  const d = template.diagram;
  if (template.category !== "building-block" || d.type !== "flow" || !d.anchor) {
    throw new Error(`"${template.id}" is not a building block`);
  }
  const random = options.random ?? Math.random;
  const prefix = options.idPrefix ?? `${template.id}/${tag(random)}/`;
  const rect = { x: anchor.x, y: anchor.y, width: anchor.width, height: anchor.height };
  const laidOut = layoutFlow(template, d, prefix, {
    id: anchor.id,
    rect,
    shape: anchor.type === "ellipse" ? "ellipse" : "rectangle",
  });
  const elements = toElements(laidOut, random);
  const arrowIds = laidOut.arrows.filter((a) => a.fromId === anchor.id || a.toId === anchor.id).map((a) => a.id);
  const updated: A = bumped(
    anchor,
    {
      boundElements: [...(anchor.boundElements ?? []), ...arrowIds.map((id) => ({ id, type: "arrow" }))],
    },
    random,
  );
  const covered = boundsOf([
    ...laidOut.boxes.map((b) => b.rect),
    ...laidOut.arrows.map((a) => a.label.rect),
    ...laidOut.zones.map((z) => z.rect),
  ]);
  return { elements, anchor: updated, bounds: covered };
}

function tag(random: () => number): string {
  return Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
}
