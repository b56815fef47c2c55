import type { Box, DiagramModel, Edge } from "../model/types.ts";
import type { RuleMeta } from "../types.ts";

const MAX_NAME = 40;
const SPACES_RE = /\s+/g;

/** A label as quoted in messages: on one line, shortened. */
export function quote(label: string): string {
  // Wrapped labels read as one line; notes are cut short.
  const flat = label.replace(SPACES_RE, " ").trim();
  const short = flat.length > MAX_NAME ? `${flat.slice(0, MAX_NAME - 1).trimEnd()}…` : flat;
  return `“${short}”`;
}

/** How a message names a box: its label, else the image it holds, else what it is and where. */
export function boxName(box: Box): string {
  if (box.label.trim()) return quote(box.label);
  const at = position(box);
  if (box.hasImage) return box.imageName ? `the box with ${quote(box.imageName)}` : `the box with an image at ${at}`;
  if (box.isPerson) return `the person drawn at ${at}`;
  if (box.isZone) return `the unnamed area at ${at}`;
  return `the unlabelled ${box.type} at ${at}`;
}

/** A box's top-left corner, as Excalidraw shows positions. */
export function position(box: Box): string {
  return `(${Math.round(box.rect.x)}, ${Math.round(box.rect.y)})`;
}

/** How a message names an arrow: by its ends, else its label, else its position. */
export function edgeName(edge: Edge): string {
  const from = edge.from ?? (edge.heads === "reverse" ? edge.endBox : edge.startBox);
  const to = edge.to ?? (edge.heads === "reverse" ? edge.startBox : edge.endBox);
  if (from && to && from !== to) return `Arrow from ${boxName(from)} to ${boxName(to)}`;
  if (from && to) return `Arrow on ${boxName(from)}`;
  if (from) return `Arrow from ${boxName(from)}`;
  if (to) return `Arrow to ${boxName(to)}`;
  if (edge.label) return `Arrow ${quote(edge.label)}`;
  return `Arrow at (${Math.round(edge.start.x)}, ${Math.round(edge.start.y)})`;
}

/** True unless `customData.lint.disable` on the element silences this rule. */
export function enabledFor(model: DiagramModel, meta: RuleMeta, elementId: string): boolean {
  return !model.isDisabled(elementId, meta);
}

/** `n thing` / `n things`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
