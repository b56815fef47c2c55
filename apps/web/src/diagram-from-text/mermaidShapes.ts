/**
 * What Mermaid's converter loses, put back before Excalidraw builds the elements: a
 * cylinder node (`db[(Orders)]`) comes out as a plain rectangle, so it becomes the
 * database shape the templates draw, with its kind; and a sequence diagram repeats
 * every participant at the bottom (Mermaid's mirrored actors), so the copies go and
 * each participant is drawn once, at the top where the messages start.
 */
import { BOUND_TEXT_PADDING, measureText } from "@archboard/scene";
import { BOX_LOOK } from "@archboard/templates";
import type { MermaidDiagramType } from "./mermaidText.ts";

/** The parts of a converter skeleton this looks at. */
interface Skeleton {
  readonly id?: string;
  readonly type: string;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly label?: { readonly text?: string; readonly fontSize?: number };
  readonly customData?: Record<string, unknown>;
}

/** Node ids and labels of the cylinders (`id[(label)]`) in a flowchart's text. */
export function cylinderNodes(text: string): { ids: Set<string>; labels: Set<string> } {
  const ids = new Set<string>(),
    labels = new Set<string>();
  for (const m of text.matchAll(/([\w.$-]+)\s*\[\(\s*(.*?)\s*\)\]/g)) {
    ids.add(m[1]!.replace(/^-+/, ""));
    labels.add(m[2]!.replace(/^"(.*)"$/, "$1"));
  }
  return { ids, labels };
}

/** The converter's skeletons with cylinders as databases and each sequence participant drawn once. */
export function adaptSkeletons<S extends Skeleton>(
  skeletons: readonly S[],
  text: string,
  type: MermaidDiagramType,
): S[] {
  if (type === "sequence") return dropMirroredActors(skeletons);
  const cylinders = cylinderNodes(text);
  if (cylinders.ids.size === 0) return [...skeletons];
  const db = BOX_LOOK.db;
  return skeletons.map((s) => {
    const isCylinder =
      s.type === "rectangle" &&
      ((s.id !== undefined && cylinders.ids.has(s.id)) || cylinders.labels.has(s.label?.text ?? "\u0000"));
    if (!isCylinder) return s;
    return {
      ...s,
      ...roomForLabel(s),
      type: db.shape,
      backgroundColor: db.backgroundColor,
      fillStyle: "solid",
      roundness: null,
      customData: { ...s.customData, kind: "db" },
    };
  });
}

/** Mermaid names a participant's two drawings `<name>-top` and `<name>-bottom` (parts of a stick figure add `-<n>`). */
function dropMirroredActors<S extends Skeleton>(skeletons: readonly S[]): S[] {
  const ids = new Set(skeletons.map((s) => s.id).filter((id): id is string => !!id));
  return skeletons.filter((s) => {
    const m = s.id ? /^(.*)-bottom(-\d+)?$/.exec(s.id) : null;
    return !m || !ids.has(`${m[1]}-top${m[2] ?? ""}`);
  });
}

/**
 * Mermaid sizes a cylinder to its text; an ellipse holds less text than the box around
 * it (the inscribed rectangle), so it grows about its centre until the label fits on one line.
 */
function roomForLabel(s: Skeleton): { x?: number; y?: number; width?: number; height?: number } {
  if (s.x === undefined || s.y === undefined || s.width === undefined || s.height === undefined) return {};
  const label = measureText(s.label?.text ?? "", s.label?.fontSize ?? 20);
  const width = Math.max(s.width, Math.ceil((label.width + 2 * BOUND_TEXT_PADDING) * Math.SQRT2) + 2);
  const height = Math.max(s.height, Math.ceil((label.height + 2 * BOUND_TEXT_PADDING) * Math.SQRT2) + 2);
  return { x: s.x - (width - s.width) / 2, y: s.y - (height - s.height) / 2, width, height };
}
