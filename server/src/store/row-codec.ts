import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * How a stored row's bytes are encoded (`updates.codec` in the SQLite file).
 * A Yjs update keeps element values as JSON text, which deflate shrinks five
 * to ten times; checkpoints and thinned history are most of a file's bytes,
 * so they are stored compressed. Live appends stay raw: they are small and on
 * the path of every edit.
 */
export const CODEC_RAW = 0;
export const CODEC_DEFLATE = 1;

/** Below this, deflate's few bytes of framing are not worth a row's decode. */
const MIN_COMPRESSED = 1024;
/** Far above any document the server admits: a corrupt row fails instead of exhausting memory. */
const MAX_DECODED = 1 << 30;

/** A row's bytes as stored, and how to read them back. */
export interface PackedRow {
  readonly bytes: Uint8Array;
  readonly codec: number;
}

/** Encodes a checkpoint or thinned row for storage: deflated when that makes it smaller. */
export function packRow(bytes: Uint8Array): PackedRow {
  if (bytes.byteLength < MIN_COMPRESSED) return { bytes, codec: CODEC_RAW };
  const deflated = deflateRawSync(bytes);
  return deflated.byteLength < bytes.byteLength
    ? { bytes: deflated, codec: CODEC_DEFLATE }
    : { bytes, codec: CODEC_RAW };
}

/** The Yjs update a stored row holds. Throws, naming the codec, for one this build does not know. */
export function unpackRow(stored: Uint8Array, codec: number): Uint8Array {
  const view = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  if (codec === CODEC_RAW) return view;
  if (codec === CODEC_DEFLATE) {
    const out = inflateRawSync(view, { maxOutputLength: MAX_DECODED });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
  throw new Error(`a stored row has codec ${codec}, which this server does not know (a newer server wrote it)`);
}
