import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";

type Loose = Record<string, unknown>;

const newId = () => crypto.randomUUID().replace(/-/g, "").slice(0, 21);

/**
 * Copies of `elements` under new ids, with every reference between them
 * (bound text, arrow bindings, groups, frames) rewritten to match, so a
 * board inserted into another never clashes with what is already there.
 * References to elements outside the set are dropped. Fractional indices
 * are cleared so the editor places the copies on top of the board.
 */
export function withFreshIds(elements: readonly ExcalidrawElement[]): ExcalidrawElement[] {
  const ids = new Map<string, string>();
  const groups = new Map<string, string>();
  for (const e of elements) ids.set(e.id, newId());
  const group = (g: string) => groups.get(g) ?? (groups.set(g, newId()), groups.get(g)!);
  const binding = (b: unknown) => {
    if (!b || typeof b !== "object") return b;
    const target = ids.get((b as { elementId: string }).elementId);
    return target ? { ...b, elementId: target } : null;
  };
  return elements.map((e) => {
    const copy: Loose = { ...e, id: ids.get(e.id)!, index: null, groupIds: e.groupIds.map(group) };
    copy.frameId = e.frameId ? (ids.get(e.frameId) ?? null) : null;
    copy.boundElements =
      e.boundElements?.filter((b) => ids.has(b.id)).map((b) => ({ ...b, id: ids.get(b.id)! })) ?? null;
    if ("containerId" in e) copy.containerId = e.containerId ? (ids.get(e.containerId) ?? null) : null;
    if ("startBinding" in e) copy.startBinding = binding(e.startBinding);
    if ("endBinding" in e) copy.endBinding = binding(e.endBinding);
    return copy as unknown as ExcalidrawElement;
  });
}
