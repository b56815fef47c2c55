/**
 * Text sizes from Excalidraw's own measurement in the real font. Excalidraw measures
 * text with the canvas as soon as an element is made; if the font file for its
 * characters has not been downloaded yet, the canvas measures a fallback font and the
 * stored width is wrong from then on (Excalidraw redraws once the font arrives but does
 * not re-measure). So whatever the app generates — templates, building blocks, library
 * items, diagrams from text, lint fixes — first waits for the font files its
 * characters need, then lets Excalidraw measure.
 */
import { FONT_FAMILY, restoreElements } from "@excalidraw/excalidraw";
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import { centreBoundText } from "../placement/geometry.ts";

/** Enough of a text element or a label skeleton to know which font files it needs. */
export interface TextSample {
  readonly text: string;
  readonly fontFamily?: number;
}

const FAMILY_NAMES = new Map<number, string>(Object.entries(FONT_FAMILY).map(([name, id]) => [id, name]));

/**
 * Resolves once the browser holds the font files every character of `samples` is drawn
 * with (a font is split into files by Unicode range; only the needed ones load).
 * A font that cannot load is left to Excalidraw's fallback: the text still goes in.
 */
export async function loadFontsFor(samples: Iterable<TextSample>): Promise<void> {
  if (typeof document === "undefined" || !("fonts" in document)) return;
  const charsByFamily = new Map<string, Set<string>>();
  for (const s of samples) {
    const family = FAMILY_NAMES.get(s.fontFamily ?? FONT_FAMILY.Excalifont);
    if (!family || !s.text) continue;
    const chars = charsByFamily.get(family) ?? new Set<string>();
    for (const ch of s.text) chars.add(ch);
    charsByFamily.set(family, chars);
  }
  await Promise.all(
    [...charsByFamily].map(([family, chars]) =>
      // The size does not change which files a text needs.
      document.fonts.load(`16px "${family}"`, [...chars].join("")).catch(() => []),
    ),
  );
}

/** The texts an element list draws: text elements, with their fonts. */
export function textSamples(elements: readonly object[]): TextSample[] {
  const out: TextSample[] = [];
  for (const e of elements) {
    const el = e as {
      type?: string;
      text?: unknown;
      fontFamily?: unknown;
      label?: { text?: unknown; fontFamily?: unknown };
    };
    if (el.type === "text" && typeof el.text === "string") out.push(sample(el.text, el.fontFamily));
    if (el.label && typeof el.label.text === "string") out.push(sample(el.label.text, el.label.fontFamily));
  }
  return out;
}

function sample(text: string, fontFamily: unknown): TextSample {
  return typeof fontFamily === "number" ? { text, fontFamily } : { text };
}

/**
 * `elements` with every text re-measured and re-wrapped by Excalidraw in its real font
 * (call after `loadFontsFor`), and bound labels centred on their containers. Bound
 * labels are wrapped afresh from what was typed, as Excalidraw wraps them.
 */
export function measuredByExcalidraw(elements: readonly ExcalidrawElement[]): ExcalidrawElement[] {
  const unwrapped = elements.map((e) => (e.type === "text" && e.containerId ? { ...e, text: e.originalText } : e));
  return centreBoundText(restoreElements(unwrapped, null, { refreshDimensions: true, repairBindings: true }));
}
