/**
 * Fonts and text metrics without a DOM. Text is measured with a deliberate
 * over-estimate of Excalifont's glyph width, so a label laid out here still fits when
 * Excalidraw measures it with the real font: boxes never grow after placement.
 * Excalidraw re-measures text the next time it is edited or its container changes
 * (`restoreElements(els, null, { refreshDimensions: true })` does it at once).
 */

/** Excalidraw 0.18's font family ids, as stored in a text element's `fontFamily`. */
export const FONT_FAMILY = {
  Virgil: 1,
  Helvetica: 2,
  Cascadia: 3,
  Excalifont: 5,
  Nunito: 6,
  "Lilita One": 7,
  "Comic Shanns": 8,
  "Liberation Sans": 9,
} as const;

/** Excalifont, Excalidraw 0.18's default hand-drawn font. */
export const DEFAULT_FONT_FAMILY = FONT_FAMILY.Excalifont;
/** Excalidraw's default font size ("M"). */
export const DEFAULT_FONT_SIZE = 20;
/** Excalidraw's unitless line height for its fonts. */
export const LINE_HEIGHT = 1.25;
/** Excalidraw's padding between a container's outline and its bound text. */
export const BOUND_TEXT_PADDING = 5;

/**
 * Average Excalifont glyph width per em, rounded up. Measured in Chromium over the 199
 * labels the templates ship: the mean is 0.53 em; at 0.6 only 8 labels (short
 * capitals such as "DB") run wider than the estimate, at 0.56 it was 39.
 */
const GLYPH_EM = 0.6;

/** Estimated width of one line of text at `fontSize`. */
export function textWidth(line: string, fontSize: number): number {
  return Math.ceil(line.length * fontSize * GLYPH_EM);
}

/** Height of `lines` lines of text at `fontSize`. */
export function textHeight(lines: number, fontSize: number): number {
  return Math.ceil(lines * fontSize * LINE_HEIGHT);
}

/** Estimated size of a (possibly multi-line) text at `fontSize`. */
export function measureText(text: string, fontSize: number): { width: number; height: number } {
  const lines = text.split("\n");
  let width = 0;
  for (const line of lines) width = Math.max(width, textWidth(line, fontSize));
  return { width, height: textHeight(lines.length, fontSize) };
}

/** A text wrapped to a width, with its estimated size. */
export interface TextBlock {
  /** The text with line breaks where it wraps. */
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/** Greedy word wrap to `maxWidth`, keeping explicit line breaks; long words stay whole. */
export function wrapText(text: string, fontSize: number, maxWidth: number): TextBlock {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && textWidth(candidate, fontSize) > maxWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  const wrapped = lines.join("\n");
  return { text: wrapped, ...measureText(wrapped, fontSize) };
}

/** The widest text a container holds, by Excalidraw's rule for its shape. */
export function maxTextWidth(container: "rectangle" | "ellipse" | "arrow", width: number, fontSize: number): number {
  if (container === "arrow") return Math.max(0.7 * width, fontSize * 11);
  if (container === "ellipse") return Math.round((width / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return width - BOUND_TEXT_PADDING * 2;
}

/** The tallest text a box holds before Excalidraw would grow it. */
export function maxTextHeight(container: "rectangle" | "ellipse", height: number): number {
  if (container === "ellipse") return Math.round((height / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return height - BOUND_TEXT_PADDING * 2;
}
