/**
 * Ids, seeds and nonces for elements, from any source of randomness. Excalidraw draws
 * them from `Math.random`; templates and the component library pass a generator seeded
 * by their own id instead, so the same template gives the same elements every time.
 */

/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

/** A 21-character id in the alphabet Excalidraw uses for element ids. */
export function newElementId(random: Random = Math.random): string {
  let id = "";
  for (let i = 0; i < 21; i++) id += ID_ALPHABET[Math.floor(random() * 64)];
  return id;
}

/** A random 31-bit integer: what Excalidraw uses for `seed` and `versionNonce`. */
export function randomInteger(random: Random = Math.random): number {
  return Math.floor(random() * 2 ** 31);
}

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small, fast deterministic generator (mulberry32) from a 32-bit seed. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic generator seeded from a string (its FNV-1a hash). */
export function seededRandom(seed: string): Random {
  return mulberry32(hashString(seed));
}
