/**
 * Fractional-index keys: the `index` field Excalidraw orders a scene by (z-order), a
 * string compared as plain text so that a key can always be made between two others.
 * Excalidraw generates keys between neighbours itself; Archboard only needs a run of
 * keys for a fresh scene and a key above everything.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * The `n`-th integer key of the fractional-index format Excalidraw uses: a head
 * letter giving the digit count (`a` = 1 digit, `b` = 2, …) followed by base-62
 * digits, so `a0` < `a1` < … < `az` < `b00` < … as plain strings. Excalidraw can
 * generate keys between any two of these. Throws a RangeError for a position that is
 * not a whole number ≥ 0.
 */
export function indexKey(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`indexKey: bad position ${n}`);
  let rest = n;
  for (let digits = 1; digits <= 26; digits++) {
    const capacity = 62 ** digits;
    if (rest < capacity) {
      let key = "";
      for (let d = 0; d < digits; d++) {
        key = BASE62.charAt(rest % 62) + key;
        rest = Math.floor(rest / 62);
      }
      return String.fromCharCode(0x60 + digits) + key;
    }
    rest -= capacity;
  }
  throw new RangeError(`indexKey: position ${n} out of range`);
}

/**
 * A key above every index in `elements`, so a new element renders on top. Appending
 * a digit-free character to the largest key keeps it a valid key (a key sorts before
 * its own extensions; keys may not end in "0").
 */
export function indexAbove(elements: readonly { readonly index?: string | null }[]): string {
  let max: string | null = null;
  for (const el of elements) {
    if (typeof el.index === "string" && (max === null || el.index > max)) max = el.index;
  }
  return max === null ? "a0" : `${max}V`;
}
