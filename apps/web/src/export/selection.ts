/** The fields of an element that decide what belongs to an export. */
export interface ExportableElement {
  id: string;
  isDeleted?: boolean;
  containerId?: string | null;
  frameId?: string | null;
  groupIds?: readonly string[];
  boundElements?: readonly { id: string; type: string }[] | null;
}

/**
 * The elements to export. With `selectionOnly`, the selection is widened the
 * way a person expects: a box brings its label, a label brings its box, a
 * frame brings its contents, and a selected group member brings its group.
 * Deleted elements never export. An empty selection exports nothing.
 */
export function elementsToExport<E extends ExportableElement>(
  elements: readonly E[],
  selectedIds: ReadonlySet<string>,
  selectionOnly: boolean,
): E[] {
  const live = elements.filter((e) => !e.isDeleted);
  if (!selectionOnly) return live;

  const chosen = new Set(selectedIds);
  const groups = new Set<string>();
  for (const e of live) {
    if (!chosen.has(e.id)) continue;
    // Excalidraw selects a whole outermost group at once; export the same.
    const outer = e.groupIds?.[e.groupIds.length - 1];
    if (outer) groups.add(outer);
    if (e.containerId) chosen.add(e.containerId);
  }
  for (const e of live) {
    const outer = e.groupIds?.[e.groupIds.length - 1];
    if (outer && groups.has(outer)) chosen.add(e.id);
  }
  for (const e of live) {
    if ((e.containerId && chosen.has(e.containerId)) || (e.frameId && chosen.has(e.frameId))) chosen.add(e.id);
  }
  return live.filter((e) => chosen.has(e.id));
}
