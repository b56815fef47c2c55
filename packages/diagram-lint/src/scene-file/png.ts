/**
 * Just enough PNG to find Excalidraw's embedded scene: the 8-byte signature, then
 * chunks of [length u32 BE][type 4 ASCII][data][CRC-32 of type+data]. Excalidraw
 * stores the scene in a `tEXt` chunk (keyword, NUL, Latin-1 text) before `IEND`.
 */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  readonly type: string;
  readonly data: Uint8Array;
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Reads every chunk; throws `Error` with a short reason on truncation or a bad CRC. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) throw new Error("the PNG is truncated");
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      throw new Error(`the PNG's ${type} chunk is corrupt (CRC mismatch)`);
    }
    chunks.push({ type, data });
    at = end;
    if (type === "IEND") break;
  }
  return chunks;
}

/** Splits a tEXt chunk into keyword and Latin-1 text (one char per byte, as Excalidraw writes). */
export function decodeTextChunk(data: Uint8Array): { keyword: string; text: string } {
  const nul = data.indexOf(0);
  const keywordEnd = nul < 0 ? data.length : nul;
  return { keyword: latin1(data.subarray(0, keywordEnd)), text: latin1(data.subarray(keywordEnd + 1)) };
}

/** Bytes to a "byte string": one UTF-16 code unit per byte, chunked to spare the stack. */
export function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** Inverse of `latin1`; code units above 0xFF are not valid in a byte string. */
export function byteStringToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error("the embedded scene is not a byte string");
    out[i] = c;
  }
  return out;
}

/** Builds one PNG chunk with its CRC (used by tests to write fixture PNGs). */
export function encodePngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (IEEE, reflected, polynomial 0xEDB88320) as PNG specifies. */
export function crc32(bytes: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
