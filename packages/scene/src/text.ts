/**
 * Fonts and text metrics without a DOM. Widths come from Excalifont's measured glyph
 * advances (glyph-advances.ts), heights and line breaks follow Excalidraw's own rules,
 * so a label laid out here has the size Excalidraw gives it in the browser.
 */
import { EXCALIFONT_LINE_HEIGHT } from "./excalifont-metrics.ts";
import { lineWidth } from "./glyph-advances.ts";

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
/** Excalidraw's unitless line height for Excalifont. */
export const LINE_HEIGHT = EXCALIFONT_LINE_HEIGHT;
/** Excalidraw's padding between a container's outline and its bound text. */
export const BOUND_TEXT_PADDING = 5;

/** Width of one line of text at `fontSize`, as Excalidraw measures it in Excalifont. */
export function textWidth(line: string, fontSize: number): number {
  return lineWidth(line, fontSize);
}

/** Height of `lines` lines of text at `fontSize`. */
export function textHeight(lines: number, fontSize: number): number {
  return lines * fontSize * LINE_HEIGHT;
}

/** Size of a (possibly multi-line) text at `fontSize`; an empty line counts as a space, as in Excalidraw. */
export function measureText(text: string, fontSize: number): { width: number; height: number } {
  const lines = text.split("\n");
  let width = 0;
  for (const line of lines) width = Math.max(width, textWidth(line || " ", fontSize));
  return { width, height: textHeight(lines.length, fontSize) };
}

/** A text wrapped to a width, with its size. */
export interface TextBlock {
  /** The text with line breaks where it wraps. */
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Wraps `text` to `maxWidth` where Excalidraw would: explicit line breaks stay, a line
 * that fits stays whole, otherwise it breaks before spaces and after hyphens, and a
 * word wider than the line breaks between characters.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): TextBlock {
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (textWidth(line, fontSize) <= maxWidth) lines.push(line);
    else lines.push(...wrapLine(line, fontSize, maxWidth));
  }
  const wrapped = lines.join("\n");
  return { text: wrapped, ...measureText(wrapped, fontSize) };
}

function wrapLine(line: string, fontSize: number, maxWidth: number): string[] {
  const out: string[] = [];
  const tokens = line.split(/(?=\s)|(?<=[\s-])/u).filter(Boolean);
  let current = "";
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    const candidate = current + token;
    if (/\s/u.test(token) || textWidth(candidate, fontSize) <= maxWidth) {
      current = candidate;
      i++;
    } else if (!current) {
      const pieces = breakWord(token, fontSize, maxWidth);
      out.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? "";
      i++;
    } else {
      out.push(current.trimEnd());
      current = "";
    }
  }
  if (current) out.push(textWidth(current, fontSize) > maxWidth ? current.trimEnd() : current);
  return out;
}

function breakWord(word: string, fontSize: number, maxWidth: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const ch of word) {
    if (current && textWidth(current + ch, fontSize) > maxWidth) {
      out.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

/** Excalidraw's widest arrow label before it wraps: 70 % of the arrow's width, at least 11 em. */
const ARROW_LABEL_WIDTH_FRACTION = 0.7;
const ARROW_LABEL_MIN_EMS = 11;

/** The widest text a container holds, by Excalidraw's rule for its shape. */
export function maxTextWidth(container: "rectangle" | "ellipse" | "arrow", width: number, fontSize: number): number {
  if (container === "arrow") return Math.max(ARROW_LABEL_WIDTH_FRACTION * width, fontSize * ARROW_LABEL_MIN_EMS);
  if (container === "ellipse") return Math.round((width / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return width - BOUND_TEXT_PADDING * 2;
}

/** The tallest text a box holds before Excalidraw would grow it. */
export function maxTextHeight(container: "rectangle" | "ellipse", height: number): number {
  if (container === "ellipse") return Math.round((height / 2) * Math.SQRT2) - BOUND_TEXT_PADDING * 2;
  return height - BOUND_TEXT_PADDING * 2;
}
