import { mulberry32, randomInteger, type Random } from "@archboard/scene";

/**
 * Seeded randomness for the convergence tests, so that a failing seed can be
 * replayed exactly, and a small fractional-index key generator for test scenes.
 */

/** A seeded PRNG (mulberry32) with the few draws the tests need. */
export class Prng {
  /** Uniform in [0, 1). */
  readonly next: Random;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A random item of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty array");
    return items[this.int(items.length)] as T;
  }

  /** A random 31-bit nonce, like Excalidraw's `randomInteger`. */
  nonce(): number {
    return randomInteger(this.next);
  }
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const digit = (key: string, i: number): number => (i < key.length ? DIGITS.indexOf(key.charAt(i)) : 0);

/**
 * A random key strictly between `low` and `high` (`null` = unbounded), keys being
 * base-62 fractions compared as plain strings. Random rather than midway so that
 * peers inserting at the same spot usually, but not always, pick different keys:
 * the equal-index case must be exercised too.
 */
export function keyBetween(low: string | null, high: string | null, rng: Prng): string {
  const lo = low ?? "";
  if (high !== null && !(lo < high)) throw new Error(`keyBetween: ${lo} is not below ${high}`);
  let prefix = "";
  let bounded = high !== null;
  for (let i = 0; i < 64; i++) {
    const l = digit(lo, i);
    const h = bounded && high !== null ? digit(high, i) : DIGITS.length;
    if (h - l > 1) return prefix + DIGITS.charAt(l + 1 + rng.int(h - l - 1));
    prefix += DIGITS.charAt(l);
    // One apart: from here on we are below `high` whatever follows.
    if (h - l === 1) bounded = false;
  }
  throw new Error(`keyBetween: no key between ${lo} and ${String(high)}`);
}
