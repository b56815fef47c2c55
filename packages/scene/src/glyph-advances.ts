/**
 * Line widths in Excalifont from its measured glyph advances and kerning pairs (the
 * generated table in excalifont-metrics.ts), so a width known without a DOM is the
 * width Excalidraw measures in the browser once the font has loaded.
 */
import { ADVANCE_RUNS, FALLBACK_ADVANCE, KERNING, UNITS_PER_EM } from "./excalifont-metrics.ts";

let advances: Map<number, number> | null = null;
let kerning: Map<number, number> | null = null;

/** Where CJK scripts begin: Excalidraw draws what Excalifont lacks from here on in Xiaolai, full width. */
const CJK_START = 0x2e80;
/**
 * Symbols below the CJK range that Excalifont lacks (≈, →) come from the system's
 * own fonts, which differ between machines: counted at a typical sans-serif advance.
 */
const SYSTEM_FALLBACK_ADVANCE = 600;

/** Kerning pairs keyed by one number: left code point × this + right code point. */
const PAIR = 0x110000;

/** The table unpacked on first use: most imports of this package never measure text. */
function tables(): { advances: Map<number, number>; kerning: Map<number, number> } {
  if (!advances || !kerning) {
    advances = new Map();
    for (const [first, ...run] of ADVANCE_RUNS) run.forEach((advance, i) => advances!.set(first! + i, advance));
    kerning = new Map();
    for (let i = 0; i + 2 < KERNING.length; i += 3) kerning.set(KERNING[i]! * PAIR + KERNING[i + 1]!, KERNING[i + 2]!);
  }
  return { advances, kerning };
}

/**
 * Width of one line of text (no line breaks) at `fontSize`, in pixels: the sum of its
 * glyphs' advances and the kerning between neighbours, as the browser lays it out.
 * A character Excalifont lacks counts as a fallback glyph: full width for CJK, a
 * typical sans-serif width for other symbols (see `glyphsExcalifontLacks`).
 */
export function lineWidth(line: string, fontSize: number): number {
  const { advances, kerning } = tables();
  let units = 0;
  let previous = -1;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    units += advances.get(cp) ?? (cp >= CJK_START ? FALLBACK_ADVANCE : SYSTEM_FALLBACK_ADVANCE);
    if (previous >= 0) units += kerning.get(previous * PAIR + cp) ?? 0;
    previous = cp;
  }
  return (units * fontSize) / UNITS_PER_EM;
}

/**
 * The characters of `text` Excalifont has no glyph for. Their width is the fallback
 * font's, so a measure without a DOM is approximate for such text.
 */
export function glyphsExcalifontLacks(text: string): string[] {
  const { advances } = tables();
  return [...new Set([...text].filter((ch) => ch !== "\n" && !advances.has(ch.codePointAt(0)!)))];
}
