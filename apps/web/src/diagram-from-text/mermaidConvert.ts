/**
 * Mermaid text → editable Excalidraw elements. Mermaid is large (it brings its own
 * parsers and layout), so it is imported only when the dialog converts something: the
 * bundler puts it in chunks of its own that a board never loads otherwise.
 */
import { convertToExcalidrawElements } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import {
  describeMermaidError,
  detectDiagramType,
  tagKinds,
  type MermaidDiagramType,
  type MermaidProblem,
} from "./mermaidText.ts";
import { loadFontsFor, textSamples } from "../measure/realFont.ts";
import { adaptSkeletons } from "./mermaidShapes.ts";

export type Conversion =
  | { readonly ok: true; readonly type: MermaidDiagramType; readonly elements: readonly ExcalidrawElement[] }
  | { readonly ok: false; readonly problem: MermaidProblem };

/** Keeps huge pastes from stalling the page; Mermaid's own default limit is similar. */
const MAX_CHARS = 20_000;

export async function convertMermaid(text: string): Promise<Conversion> {
  if (text.length > MAX_CHARS)
    return {
      ok: false,
      problem: {
        line: null,
        message: `That is over ${MAX_CHARS.toLocaleString("en")} characters; split it into smaller diagrams.`,
      },
    };
  const detected = detectDiagramType(text);
  if (!("type" in detected)) return { ok: false, problem: detected };
  try {
    const { parseMermaidToExcalidraw } = await import("@excalidraw/mermaid-to-excalidraw");
    const { elements, files } = await parseMermaidToExcalidraw(text, { maxTextSize: MAX_CHARS });
    // Anything Mermaid cannot map to shapes comes back as a picture; we only offer shapes.
    if ((files && Object.keys(files).length > 0) || elements.some((e) => e.type === "image")) {
      return {
        ok: false,
        problem: { line: detected.line, message: "this diagram could not be turned into editable shapes." },
      };
    }
    const skeletons = adaptSkeletons(elements, text, detected.type);
    // Excalidraw measures the labels as it converts them: the font files they need come first.
    await loadFontsFor(textSamples(skeletons));
    const converted = convertToExcalidrawElements(skeletons, { regenerateIds: true });
    return { ok: true, type: detected.type, elements: tagKinds(converted) };
  } catch (error) {
    return { ok: false, problem: describeMermaidError(error, text) };
  }
}
