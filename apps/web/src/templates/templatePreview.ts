/**
 * Thumbnails for the picker: each template laid out and drawn with Excalidraw's own
 * SVG export, once per page load. Fonts are not inlined: the SVG is placed in the page,
 * where Excalidraw has already loaded them, which keeps each render to a few ms.
 */
import { convertToExcalidrawElements, exportToSvg } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { layoutTemplate, type Template } from "@archboard/templates";

const cache = new Map<string, Promise<SVGSVGElement>>();

function isNote(customData: unknown): boolean {
  return (customData as { lint?: { role?: string } } | undefined)?.lint?.role === "note";
}

/** An SVG of `elements` that scales to whatever box it is put in. */
export async function renderSvg(elements: readonly ExcalidrawElement[], padding = 16): Promise<SVGSVGElement> {
  const svg = await exportToSvg({
    elements: elements.filter((e) => !e.isDeleted),
    appState: { exportBackground: false, exportWithDarkMode: false, viewBackgroundColor: "#ffffff" },
    files: null,
    exportPadding: padding,
    skipInliningFonts: true,
  });
  const width = svg.getAttribute("width"),
    height = svg.getAttribute("height");
  if (!svg.getAttribute("viewBox") && width && height)
    svg.setAttribute("viewBox", `0 0 ${parseFloat(width)} ${parseFloat(height)}`);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  return svg;
}

/** The template's thumbnail; rendered on first request, then cached. */
export function templatePreview(t: Template): Promise<SVGSVGElement> {
  let svg = cache.get(t.id);
  if (!svg) {
    // Notes (legend, assumptions) are unreadable at thumbnail size and would shrink the diagram.
    const skeletons = layoutTemplate(t).filter((s) => !isNote(s.customData));
    svg = renderSvg(convertToExcalidrawElements(skeletons, { regenerateIds: true }), 24);
    // A failed render may succeed later (fonts still loading): do not cache failures.
    svg.catch(() => cache.delete(t.id));
    cache.set(t.id, svg);
  }
  return svg;
}
