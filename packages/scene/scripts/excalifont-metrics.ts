/**
 * Writes `src/excalifont-metrics.ts`: Excalifont's glyph advances and kerning pairs,
 * read from the font files Excalidraw ships, so text can be measured without a DOM
 * exactly as the browser will draw it. Run it after upgrading Excalidraw:
 *
 *     npm run metrics:excalifont -w @archboard/scene
 *
 * `--check` compares instead of writing and fails when the checked-in table is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openSync, type Font } from "fontkit";
import { format, resolveConfig } from "prettier";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../..");
const EXCALIDRAW = join(REPO, "node_modules/@excalidraw/excalidraw");
const FONTS = join(EXCALIDRAW, "dist/prod/fonts");
export const TABLE_PATH = resolve(HERE, "../src/excalifont-metrics.ts");

/** fontkit opens WOFF2 as a single font; collections never occur among these files. */
function open(path: string): Font {
  const font = openSync(path);
  if (!("characterSet" in font)) throw new Error(`${path} is a font collection, expected one font`);
  return font;
}

function woff2Files(family: string): string[] {
  const dir = join(FONTS, family);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".woff2"))
    .sort();
  if (files.length === 0) throw new Error(`no ${family} font files in ${dir}: is @excalidraw/excalidraw installed?`);
  return files.map((f) => join(dir, f));
}

/** Excalidraw's unitless line height for Excalifont, from its own font metadata. */
function excalidrawLineHeight(): number {
  const dir = join(EXCALIDRAW, "dist/dev");
  const pattern = /\[FONT_FAMILY\.Excalifont\]:\s*\{\s*metrics:\s*\{[^}]*lineHeight:\s*([\d.]+)/;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const match = pattern.exec(readFileSync(join(dir, file), "utf8"));
    if (match) return Number(match[1]);
  }
  throw new Error("Excalifont's line height was not found in Excalidraw's font metadata");
}

/** The advance most glyphs of the first Xiaolai file have: what Excalidraw draws characters Excalifont lacks with. */
function fallbackAdvance(unitsPerEm: number): number {
  const font = open(woff2Files("Xiaolai")[0]!);
  const counts = new Map<number, number>();
  for (const cp of font.characterSet) {
    const advance = Math.round((font.glyphForCodePoint(cp).advanceWidth * unitsPerEm) / font.unitsPerEm);
    counts.set(advance, (counts.get(advance) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

export interface Metrics {
  excalidrawVersion: string;
  unitsPerEm: number;
  lineHeight: number;
  fallbackAdvance: number;
  advances: Map<number, number>;
  /** `left,right` code points → adjustment; only pairs inside one font file (the browser kerns within a font). */
  kerning: Map<string, number>;
}

export function readMetrics(): Metrics {
  const version = (JSON.parse(readFileSync(join(EXCALIDRAW, "package.json"), "utf8")) as { version: string }).version;
  const advances = new Map<number, number>();
  const kerning = new Map<string, number>();
  let unitsPerEm = 0;
  for (const path of woff2Files("Excalifont")) {
    const font = open(path);
    unitsPerEm ||= font.unitsPerEm;
    if (font.unitsPerEm !== unitsPerEm)
      throw new Error(`${path}: ${font.unitsPerEm} units per em, expected ${unitsPerEm}`);
    // U+FFFF is a subsetting artefact, never typed.
    const chars = font.characterSet.filter((cp) => cp !== 0xffff && cp >= 0x20);
    // Shaped alone rather than read from the glyph: invisible characters (a soft hyphen) then advance 0, as drawn.
    for (const cp of chars) advances.set(cp, font.layout(String.fromCodePoint(cp)).advanceWidth);
    // Combining marks attach to the letter before them; shaping them is not kerning.
    const spacing = chars.filter((cp) => cp < 0x300 || cp > 0x36f);
    for (const left of spacing) {
      for (const right of spacing) {
        const pair = String.fromCodePoint(left, right);
        const kern = font.layout(pair).advanceWidth - advances.get(left)! - advances.get(right)!;
        if (kern !== 0) kerning.set(`${left},${right}`, kern);
      }
    }
  }
  return {
    excalidrawVersion: version,
    unitsPerEm,
    lineHeight: excalidrawLineHeight(),
    fallbackAdvance: fallbackAdvance(unitsPerEm),
    advances,
    kerning,
  };
}

/** Consecutive code points grouped: [first, advance, advance, …]. */
function runs(advances: ReadonlyMap<number, number>): number[][] {
  const out: number[][] = [];
  let prev = -2;
  for (const cp of [...advances.keys()].sort((a, b) => a - b)) {
    if (cp !== prev + 1) out.push([cp]);
    out[out.length - 1]!.push(advances.get(cp)!);
    prev = cp;
  }
  return out;
}

export async function renderTable(m: Metrics): Promise<string> {
  const kerning = [...m.kerning]
    .map(([pair, kern]) => [...pair.split(",").map(Number), kern] as [number, number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .flat();
  const source = `/**
 * Excalifont's measured metrics, generated by scripts/excalifont-metrics.ts from the
 * font files of @excalidraw/excalidraw ${m.excalidrawVersion}. Do not edit: run
 * \`npm run metrics:excalifont -w @archboard/scene\` after upgrading Excalidraw.
 */

/** Font units per em. */
export const UNITS_PER_EM = ${m.unitsPerEm};

/** Excalidraw's unitless line height for Excalifont. */
export const EXCALIFONT_LINE_HEIGHT = ${m.lineHeight};

/** Advance of a character Excalifont lacks (Excalidraw draws it in a full-width fallback font), in font units. */
export const FALLBACK_ADVANCE = ${m.fallbackAdvance};

/** Runs of consecutive code points: [first code point, its advance, the next one's advance, …], in font units. */
export const ADVANCE_RUNS: readonly (readonly number[])[] = ${JSON.stringify(runs(m.advances))};

/** Kerning pairs, flattened: left code point, right code point, adjustment in font units; repeated. */
export const KERNING: readonly number[] = ${JSON.stringify(kerning)};
`;
  return format(source, { ...(await resolveConfig(TABLE_PATH)), filepath: TABLE_PATH });
}

async function main(): Promise<void> {
  const table = await renderTable(readMetrics());
  if (process.argv.includes("--check")) {
    if (readFileSync(TABLE_PATH, "utf8") !== table) {
      console.error(`${TABLE_PATH} is stale: run npm run metrics:excalifont -w @archboard/scene`);
      process.exit(1);
    }
    console.log("Excalifont metrics are up to date.");
    return;
  }
  writeFileSync(TABLE_PATH, table);
  console.log(`wrote ${TABLE_PATH}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
