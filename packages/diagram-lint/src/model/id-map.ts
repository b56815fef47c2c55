/** Marks a deleted entry in the insertion-order lists. */
const GONE: unique symbol = Symbol("gone");
/** Entries a V8 `Map` holds with its table still in the young generation. */
const MAP_LIMIT = 4096;

/** The `ReadonlyMap` methods that follow from `entries()`, shared by `IdMap` and `IdSubset`. */
abstract class EntriesView<T> implements ReadonlyMap<string, T> {
  abstract get size(): number;
  abstract get(key: string): T | undefined;
  abstract has(key: string): boolean;
  abstract entries(): MapIterator<[string, T]>;

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<T> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(fn: (value: T, key: string, map: ReadonlyMap<string, T>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, T]> {
    return this.entries();
  }
}

/**
 * A string-keyed map for element ids that stays linear on large scenes. A V8 `Map`
 * stays fast up to 4,096 entries; past that its table is too big for the young
 * generation and goes to the large-object space, and filling one `Map` with 10,000 ids
 * costs about 20 times more per entry than filling one with 1,000. So keys and values
 * sit in two lists in insertion order, found through a plain `Map` of positions up to
 * that size and, past it, through a hash table that is an `Int32Array` (open
 * addressing, linear probing) outside the garbage-collected heap. Either way iteration
 * order is that of a `Map`, and each entry has a position `IdSubset`s are filed under.
 * Each slot also keeps its key's hash: a probe that meets another key is told apart by
 * one integer compare, without reading that key's string (on a large scene, a cache miss).
 */
export class IdMap<T> extends EntriesView<T> {
  /** Key → position in the lists while the map is small; null once it is a table. */
  private small: Map<string, number> | null = new Map();
  /** Position + 1 in `keyList` of the entry in each slot; 0 for an empty slot. */
  private table = new Int32Array(0);
  /** The hash of the key in each taken slot of `table`. */
  private hashes = new Int32Array(0);
  private mask = 0;
  // Sized up front for the expected ids and filled by position (`used`): grown by `push`,
  // a 10,000-entry list would be copied a dozen times on the way, all of it garbage.
  private keyList: (string | typeof GONE)[] = [];
  private valueList: T[] = [];
  /** Entries written to the lists, deleted ones included. */
  private used = 0;
  private live = 0;

  /** @param expected how many ids the map will likely hold: a large map starts as a table. */
  constructor(expected = 0) {
    super();
    if (expected > MAP_LIMIT) {
      this.keyList = new Array<string | typeof GONE>(expected);
      this.valueList = new Array<T>(expected);
      this.toTable(2 * 2 ** Math.ceil(Math.log2(expected)));
    }
  }

  get size(): number {
    return this.live;
  }

  get(key: string): T | undefined {
    const at = this.indexOf(key);
    return at < 0 ? undefined : this.valueList[at];
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  /**
   * The entry's position in insertion order (deleted entries keep theirs), or -1: what
   * an `IdSubset` of this map is indexed by.
   */
  indexOf(key: string): number {
    if (this.small) return this.small.get(key) ?? -1;
    return this.find(key);
  }

  /** The key at a position `indexOf` or `addAt` gave. */
  keyAt(at: number): string | undefined {
    const key = this.keyList[at];
    return key === GONE ? undefined : key;
  }

  /** Sets `key`; an existing key keeps its place in the iteration order, as in a `Map`. */
  set(key: string, value: T): this {
    this.put(key, value, true);
    return this;
  }

  /**
   * Sets `key` unless it is there already (then the map is left as it was); returns
   * whether it was added. One lookup where `has` then `set` would take two.
   */
  add(key: string, value: T): boolean {
    return this.put(key, value, false) >= 0;
  }

  /** As `add`, returning the new entry's position, or -1 when the key was there already. */
  addAt(key: string, value: T): number {
    return this.put(key, value, false);
  }

  /** Adds `key`, or (with `replace`) sets its value; returns the new entry's position, or -1. */
  private put(key: string, value: T, replace: boolean): number {
    if (this.small) {
      const at = this.small.get(key);
      if (at !== undefined) {
        if (replace) this.valueList[at] = value;
        return -1;
      }
      this.small.set(key, this.used);
      const added = this.append(key, value);
      if (this.small.size > MAP_LIMIT) this.toTable(4 * MAP_LIMIT);
      return added;
    }
    const mask = this.mask,
      h = hash(key);
    let slot = h & mask;
    for (let at = this.table[slot]!; at !== 0; at = this.table[slot]!) {
      if (this.hashes[slot] === h && this.keyList[at - 1] === key) {
        if (replace) this.valueList[at - 1] = value;
        return -1;
      }
      slot = (slot + 1) & mask;
    }
    const added = this.append(key, value);
    this.table[slot] = added + 1;
    this.hashes[slot] = h;
    if (this.used * 2 > mask) this.refile(this.table.length * 2);
    return added;
  }

  private append(key: string, value: T): number {
    this.keyList[this.used] = key;
    this.valueList[this.used] = value;
    this.live++;
    return this.used++;
  }

  delete(key: string): boolean {
    const at = this.indexOf(key);
    if (at < 0) return false;
    // In a table the slot stays taken (probing walks past it); the entry no longer matches any key.
    this.small?.delete(key);
    this.keyList[at] = GONE;
    this.valueList[at] = undefined as T;
    this.live--;
    return true;
  }

  *entries(): MapIterator<[string, T]> {
    for (let i = 0; i < this.used; i++) {
      const key = this.keyList[i]!;
      if (key !== GONE) yield [key, this.valueList[i]!];
    }
  }

  // Without building an entry pair per value.
  override *values(): MapIterator<T> {
    for (let i = 0; i < this.used; i++) if (this.keyList[i] !== GONE) yield this.valueList[i]!;
  }

  /** Position of `key` in the lists, or -1 (table mode). */
  private find(key: string): number {
    const mask = this.mask,
      h = hash(key);
    let slot = h & mask;
    for (let at = this.table[slot]!; at !== 0; at = this.table[slot]!) {
      if (this.hashes[slot] === h && this.keyList[at - 1] === key) return at - 1;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Leaves the `Map` for a table of `capacity` slots (a power of two); the lists stay as they are. */
  private toTable(capacity: number): void {
    this.small = null;
    this.refile(capacity);
  }

  /** A table of `capacity` slots with every entry but deleted ones filed again. */
  private refile(capacity: number): void {
    this.table = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < this.used; i++) {
      const key = this.keyList[i]!;
      if (key === GONE) continue;
      const h = hash(key);
      let slot = h & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = i + 1;
      this.hashes[slot] = h;
    }
  }
}

/**
 * The entries of an `IdMap` that are of one sort (the boxes among all elements), as a
 * map by id. It keeps no table of its own: a lookup is one probe of the whole map and a
 * look at the item filed under the position found, and filing an item hashes nothing.
 * Positions map to items through an `Int32Array` (outside the collected heap: a
 * 30,000-element scene's list of references would be a large object the collector
 * scans at every young collection). The whole map must keep every entry an item is
 * filed under (it may only grow).
 */
export class IdSubset<T> extends EntriesView<T> {
  /** Items in filing order. */
  private readonly list: T[] = [];
  /** Per position in the whole map: 1 + the item's place in `list`, or 0. */
  private readonly slots: Int32Array;
  private count = 0;

  /** @param capacity positions the whole map will hold at most. */
  constructor(
    private readonly all: IdMap<unknown>,
    capacity: number,
  ) {
    super();
    this.slots = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Files `item` under the whole map's entry at `position` (from `IdMap.addAt`). */
  put(position: number, item: T): void {
    if (this.slots[position] === 0) this.count++;
    this.slots[position] = this.list.push(item);
  }

  /** The item filed under a position of the whole map, if it is of this sort. */
  at(position: number): T | undefined {
    const slot = position < 0 ? 0 : this.slots[position]!;
    return slot === 0 ? undefined : this.list[slot - 1];
  }

  get(key: string): T | undefined {
    return this.at(this.all.indexOf(key));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  delete(key: string): boolean {
    const at = this.all.indexOf(key);
    if (at < 0 || this.slots[at] === 0) return false;
    this.slots[at] = 0;
    this.count--;
    return true;
  }

  *entries(): MapIterator<[string, T]> {
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (slot !== 0) yield [this.all.keyAt(i)!, this.list[slot - 1]!];
    }
  }
}

/**
 * A multiplicative hash over the id's first and last 12 characters, two characters a
 * step, finished by mixing the high bits into the low ones (the slot is taken from the
 * low bits). Ids that differ only in the middle of a long id collide, which costs
 * probes, never correctness.
 */
function hash(key: string): number {
  const n = key.length;
  const head = n <= 24 ? n : 12;
  let h = 0x811c9dc5 ^ n,
    i = 0;
  for (; i + 1 < head; i += 2) h = Math.imul(h ^ (key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16)), 0x01000193);
  if (i < head) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  if (n > 24)
    for (i = n - 12; i < n; i += 2) h = Math.imul(h ^ (key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16)), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  // A signed 32-bit result stays a small integer; `>>> 0` would box half of them.
  return h ^ (h >>> 13);
}
