import type { SceneElement } from "../model/elements.ts";

/** A full element record as Excalidraw stores it (what `updateScene` expects). */
export type FullElement = SceneElement & Record<string, unknown>;

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

/** A 21-character id in the same alphabet Excalidraw uses for element ids. */
export function newElementId(random: () => number = Math.random): string {
  let id = "";
  for (let i = 0; i < 21; i++) id += ID_ALPHABET[Math.floor(random() * 64)];
  return id;
}

/** Excalidraw's seeds and nonces are random 31-bit integers. */
export function randomInteger(random: () => number = Math.random): number {
  return Math.floor(random() * 2 ** 31);
}

/**
 * A copy of `el` with `changes` applied and its version bumped the way Excalidraw does
 * (version + 1, fresh versionNonce, updated = now), so reconciliation and sync take it.
 */
export function bumped(el: SceneElement, changes: Record<string, unknown>): FullElement {
  return {
    ...(el as FullElement),
    ...changes,
    version: (typeof el.version === "number" ? el.version : 1) + 1,
    versionNonce: randomInteger(),
    updated: Date.now(),
  };
}

/** Excalifont, Excalidraw 0.18's default hand-drawn font. */
export const DEFAULT_FONT_FAMILY = 5;
/** Excalidraw's default unitless line height for its fonts. */
export const LINE_HEIGHT = 1.25;

/**
 * Rough text extent without a DOM: average glyph width ≈ 0.6 em for Excalifont.
 * Excalidraw re-measures the text the next time it is edited or its container changes.
 */
export function measureText(text: string, fontSize: number): { width: number; height: number } {
  const lines = text.split("\n");
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.ceil(longest * fontSize * 0.6), height: Math.ceil(lines.length * fontSize * LINE_HEIGHT) };
}

/** Options for a text element bound to a container. */
export interface BoundTextOptions {
  readonly text: string;
  readonly containerId: string;
  /** Centre of the text in scene coordinates. */
  readonly center: { x: number; y: number };
  readonly fontSize?: number;
  readonly strokeColor?: string;
  readonly index: string | null;
  readonly groupIds?: readonly string[];
  readonly frameId?: string | null;
}

/** A complete, valid Excalidraw 0.18 text element bound to `containerId`. */
export function newBoundText(opts: BoundTextOptions): FullElement {
  const fontSize = opts.fontSize ?? 16;
  const { width, height } = measureText(opts.text, fontSize);
  return {
    id: newElementId(), type: "text",
    x: opts.center.x - width / 2, y: opts.center.y - height / 2, width, height, angle: 0,
    strokeColor: opts.strokeColor ?? "#1e1e1e", backgroundColor: "transparent",
    fillStyle: "solid", strokeWidth: 2, strokeStyle: "solid", roughness: 1, opacity: 100,
    groupIds: [...(opts.groupIds ?? [])], frameId: opts.frameId ?? null, index: opts.index,
    roundness: null, seed: randomInteger(), version: 1, versionNonce: randomInteger(),
    isDeleted: false, boundElements: null, updated: Date.now(), link: null, locked: false,
    text: opts.text, originalText: opts.text, fontSize, fontFamily: DEFAULT_FONT_FAMILY,
    textAlign: "center", verticalAlign: "middle", containerId: opts.containerId,
    autoResize: true, lineHeight: LINE_HEIGHT,
  };
}

/**
 * A fractional index above every index in the scene, so a new or re-bound label
 * renders above its container. Appending a digit-free character to the largest key
 * keeps it a valid key (a key sorts before its own extensions; keys may not end in "0").
 */
export function indexAbove(elements: readonly SceneElement[]): string {
  let max: string | null = null;
  for (const el of elements) {
    if (typeof el.index === "string" && (max === null || el.index > max)) max = el.index;
  }
  return max === null ? "a0" : `${max}V`;
}
