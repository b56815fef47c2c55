/**
 * What Mermaid's converter loses, put back before Excalidraw builds the elements: a
 * cylinder node (`db[(Orders)]`) comes out as a plain rectangle, so it becomes the
 * database shape the templates draw, with its kind; and a sequence diagram repeats
 * every participant at the bottom (Mermaid's mirrored actors), so the copies go and
 * each participant is drawn once, at the top where the messages start.
 */
import { BOX_LOOK } from "@archboard/templates";
import type { MermaidDiagramType } from "./mermaidText.ts";

/** The parts of a converter skeleton this looks at. */
interface Skeleton {
  readonly id?: string;
  readonly type: string;
  readonly label?: { readonly text?: string };
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
