/**
 * Which building blocks fit the current selection. A block names its anchor component
 * ("store" of kind db for "add a cache"); the selection fits when it holds exactly one
 * component box the linter reads as that kind — by `customData.kind` or by its label —
 * so a library database, a template database and a hand-drawn box labelled "Postgres"
 * all qualify.
 */
import { buildModel } from "@archboard/diagram-lint";
import type { Kind } from "@archboard/scene";
import { templates, type Template } from "@archboard/templates";

/** What a selected element must offer to anchor a block. */
export interface AnchorCandidate {
  readonly id: string;
  readonly type: string;
  readonly isDeleted?: boolean;
  readonly containerId?: string | null;
  readonly boundElements?: readonly { readonly id: string; readonly type: string }[] | null;
}

const BOX_TYPES = new Set(["rectangle", "ellipse", "diamond"]);

/** The kind a building block must be anchored on. */
export function anchorKind(t: Template): Kind | null {
  const d = t.diagram;
  if (t.category !== "building-block" || d.type !== "flow" || !d.anchor) return null;
  return d.components.find((c) => c.id === d.anchor)?.kind ?? null;
}

export const BUILDING_BLOCKS: readonly Template[] = templates.filter((t) => anchorKind(t) !== null);

/**
 * The one selected component box and its kind, or null when the selection holds none
 * or several. Only the selected boxes and their labels are modelled, so this stays
 * cheap on a big board.
 */
export function selectedAnchor<E extends AnchorCandidate>(
  elements: readonly E[],
  selectedIds: Readonly<Record<string, boolean>>,
): { element: E; kind: Kind } | null {
  const boxes = elements.filter((e) => selectedIds[e.id] && !e.isDeleted && BOX_TYPES.has(e.type));
  if (boxes.length === 0 || boxes.length > 4) return null;
  const labelIds = new Set(
    boxes.flatMap((b) => (b.boundElements ?? []).filter((x) => x.type === "text").map((x) => x.id)),
  );
  const labels = elements.filter((e) => labelIds.has(e.id));
  const model = buildModel([...boxes, ...labels]);
  const components = model.boxes.filter((b) => !b.isZone && b.kind);
  if (components.length !== 1) return null;
  const only = components[0]!;
  const element = boxes.find((b) => b.id === only.id);
  return element ? { element, kind: only.kind as Kind } : null;
}

/** Building blocks that can be anchored on a component of `kind`. */
export function blocksFor(kind: Kind | null): Template[] {
  return kind ? BUILDING_BLOCKS.filter((t) => anchorKind(t) === kind) : [];
}
