/**
 * Preloaded into every server by `npm run bench:sync -- --pooled-random`
 * (`node --import` this file): serves `crypto.getRandomValues` from a 64 KiB
 * pool that `randomFillSync` refills, one system call per 64 KiB instead of
 * one per call. It answers a question about the machine, not a server: on
 * some virtual machines each call costs tens of µs, and a server that draws a
 * few random numbers for every message (a Yjs document's id is 31 of them)
 * pays that per message. Installed before any module binds the function.
 */
import { randomFillSync, webcrypto } from "node:crypto";

const POOL_BYTES = 64 * 1024;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;
type RandomTarget = Parameters<typeof webcrypto.getRandomValues>[0];
const original = webcrypto.getRandomValues.bind(webcrypto);

function pooledRandomValues<T extends RandomTarget>(array: T): T {
  if (array.byteLength > POOL_BYTES) return original(array);
  if (used + array.byteLength > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(pool.subarray(used, used + array.byteLength));
  used += array.byteLength;
  return array;
}

Object.defineProperty(webcrypto, "getRandomValues", { value: pooledRandomValues, configurable: true, writable: true });
