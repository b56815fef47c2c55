/**
 * Hostile sync frames for the update guard's tests and `npm run fuzz:sync`:
 * mutations of real frames (bit flips, oversized varints, cut, repeated and
 * spliced slices, wrong length prefixes), crafted updates that are well
 * formed on the surface but claim what they do not hold, and random bytes.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "../sync/protocol.ts";
import { bindingUpdates, concurrentEditUpdates, Rng } from "./real-updates.ts";

/** Varints that overflow counts and lengths: 2^25−1, 2^32−1, 2^53−1 and one over. */
const HUGE = [
  [0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f],
  [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
];
const EDGE_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x77, 0x75, 0x76];

/**
 * Real frames of every kind a client sends, from real documents. Updates over
 * 16 KiB (pasted images, long text) are mostly left out, two kept: mutating
 * a large frame finds nothing a small one does not, and costs its size.
 */
export function realFrames(seed: number): Uint8Array[] {
  const all = [...concurrentEditUpdates(seed, 40), ...bindingUpdates(seed, 20)];
  const updates = [...all.filter((u) => u.length <= 16_384), ...all.filter((u) => u.length > 16_384).slice(0, 2)];
  const frames: Uint8Array[] = [];
  for (const [i, u] of updates.entries()) frames.push(i % 2 === 0 ? encodeUpdate(u) : encodeSyncStep2(u));
  const doc = new Y.Doc();
  for (const u of updates.slice(0, 20)) Y.applyUpdate(doc, u);
  frames.push(encodeSyncStep1(Y.encodeStateVector(doc)), encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
  doc.destroy();
  const state = new TextEncoder().encode(JSON.stringify({ user: { name: "Ann", color: "#f00" }, role: "candidate" }));
  frames.push(encodeAwareness(Uint8Array.from([1, 200, 1, 4, ...varUint(state.length), ...state])), Uint8Array.of(3));
  return frames;
}

const varUint = (n: number): number[] => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return [...encoding.toUint8Array(e)];
};

const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** One mutation of a real frame; `pool` supplies a second frame to splice with. */
export function mutateFrame(frame: Uint8Array, rng: Rng, pool: readonly Uint8Array[]): Uint8Array {
  const at = rng.int(frame.length + 1);
  switch (rng.int(9)) {
    case 0: {
      // flip 1–4 bits
      const out = frame.slice();
      for (let i = 0, n = 1 + rng.int(4); i < n && out.length > 0; i++) out[rng.int(out.length)]! ^= 1 << rng.int(8);
      return out;
    }
    case 1: {
      // set a byte to an edge value (varint continuation, type tags)
      const out = frame.slice();
      if (out.length > 0) out[rng.int(out.length)] = rng.pick(EDGE_BYTES);
      return out;
    }
    case 2: // insert or overwrite with an oversized varint
      return rng.chance(0.5)
        ? concat(frame.subarray(0, at), rng.pick(HUGE), frame.subarray(at))
        : concat(frame.subarray(0, at), rng.pick(HUGE), frame.subarray(Math.min(frame.length, at + 1 + rng.int(4))));
    case 3: // cut
      return frame.subarray(0, at);
    case 4: {
      // repeat a slice several times
      const len = 1 + rng.int(Math.max(1, Math.min(64, frame.length - at)));
      const slice = frame.subarray(at, at + len);
      return concat(frame.subarray(0, at), ...Array.from({ length: 2 + rng.int(50) }, () => slice), frame.subarray(at));
    }
    case 5: // drop a slice
      return concat(frame.subarray(0, at), frame.subarray(Math.min(frame.length, at + 1 + rng.int(16))));
    case 6: {
      // splice with another real frame
      const other = rng.pick(pool);
      return concat(frame.subarray(0, at), other.subarray(rng.int(other.length + 1)));
    }
    case 7: {
      // keep the envelope, re-prefix the payload with a wrong length
      const payload = frame.subarray(Math.min(frame.length, 2 + rng.int(4)));
      const claimed = rng.chance(0.5) ? payload.length + 1 + rng.int(100) : rng.int(payload.length + 1);
      return concat([0, rng.int(3)], varUint(claimed), payload);
    }
    default: // random bytes inserted
      return concat(frame.subarray(0, at), rng.bytes(1 + rng.int(32)), frame.subarray(at));
  }
}

/** Writes a v1 update from parts, so counts can lie. */
function update(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** An `any` value nested `depth` arrays deep. */
const nestedAny = (depth: number): Uint8Array => {
  const out = new Uint8Array(depth * 2 + 1).fill(1);
  for (let i = 0; i < depth; i++) out[i * 2] = 117;
  out[depth * 2] = 126;
  return out;
};

/**
 * Updates that are well formed up to the lie they tell: each is something Yjs
 * would try to honour at a cost far beyond its size, or that it never writes.
 */
export function craftedUpdate(rng: Rng): Uint8Array {
  const client = 1 + rng.int(1000);
  switch (rng.int(10)) {
    case 0: // one client claiming a huge number of structs
      return Uint8Array.from([1, ...rng.pick(HUGE), ...varUint(client), 0, 0]);
    case 1: // a huge number of clients
      return Uint8Array.from([...rng.pick(HUGE), 1, ...varUint(client), 0, 1, 4, 1, 0x61, 0]);
    case 2: // a delete set claiming a huge number of ranges
      return Uint8Array.from([0, 1, ...varUint(client), ...rng.pick(HUGE), 0, 1]);
    case 3: {
      // the same full-range deletion repeated, many times over
      const n = 100 + rng.int(500);
      return update((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, n);
        for (let i = 0; i < n; i++) {
          encoding.writeVarUint(e, 0);
          encoding.writeVarUint(e, 1_000_000);
        }
      });
    }
    case 4: // an any array claiming a huge length
      return Uint8Array.from([1, 1, ...varUint(client), 0, 8, 1, 1, 0x6d, 1, 117, ...rng.pick(HUGE), 0]);
    case 5: // an any value nested hundreds deep
      return concat([1, 1, ...varUint(client), 0, 8, 1, 1, 0x6d, 1], nestedAny(100 + rng.int(1000)), [0]);
    case 6: // a string whose length runs past the end
      return Uint8Array.from([1, 1, ...varUint(client), 0, 4, 1, 1, 0x74, ...rng.pick(HUGE), 0x61, 0]);
    case 7: // the same client twice, each with a struct
      return Uint8Array.from([
        2,
        1,
        ...varUint(client),
        0,
        4,
        1,
        1,
        0x74,
        1,
        0x61,
        1,
        ...varUint(client),
        0,
        4,
        1,
        1,
        0x74,
        1,
        0x62,
        0,
      ]);
    case 8: // a subdocument
      return Uint8Array.from([1, 1, ...varUint(client), 0, 9, 1, 1, 0x64, 1, 0x67, 118, 0, 0]);
    default: // a deleted struct covering clocks up to 2^53
      return Uint8Array.from([1, 2, ...varUint(client), 0, 1, 1, 1, 0x6d, ...HUGE[2]!, 1, 1, 1, 0x6d, 5, 0]);
  }
}

/** Fully random bytes, half of them inside a valid sync envelope. */
export function randomFrame(rng: Rng): Uint8Array {
  const body = rng.bytes(rng.int(rng.chance(0.1) ? 2000 : 64));
  if (rng.chance(0.5)) return body;
  return concat([0, rng.int(3)], varUint(body.length), body);
}

/** The kinds of frame the fuzzer sends, for its report. */
export type FuzzKind = "mutated" | "crafted" | "random" | "real";

/**
 * An endless, seeded stream of frames: mostly mutations of real frames, then
 * crafted updates (in update or step-2 envelopes), random bytes, and a few
 * real frames unchanged so valid traffic is mixed in.
 */
export function* fuzzFrames(seed: number): Generator<{ kind: FuzzKind; frame: Uint8Array }> {
  const rng = new Rng(seed);
  const pool = realFrames(seed);
  for (;;) {
    const roll = rng.next();
    if (roll < 0.7) yield { kind: "mutated", frame: mutateFrame(rng.pick(pool), rng, pool) };
    else if (roll < 0.85) {
      const u = craftedUpdate(rng);
      yield { kind: "crafted", frame: rng.chance(0.5) ? encodeUpdate(u) : encodeSyncStep2(u) };
    } else if (roll < 0.97) yield { kind: "random", frame: randomFrame(rng) };
    else yield { kind: "real", frame: rng.pick(pool) };
  }
}
