/**
 * Reads enough of a WebM (Matroska/EBML) file to say it is a real video: the
 * EBML header, the tracks (type, codec, size) and the frames (SimpleBlocks in
 * clusters) with their times. MediaRecorder writes the segment and clusters
 * with unknown sizes, so the reader walks elements flat, descending into
 * every container, instead of trusting sizes.
 */

/** Containers whose children the walk reads (the rest are skipped whole). */
const CONTAINERS = new Set([
  0x18538067, // Segment
  0x1549a966, // Info
  0x1654ae6b, // Tracks
  0xae, // TrackEntry
  0xe0, // Video
  0x1f43b675, // Cluster
  0xa0, // BlockGroup
]);

export interface WebmTrack {
  number: number;
  /** 1: video, 2: audio. */
  type: number;
  codec: string;
  width?: number;
  height?: number;
}

export interface WebmInfo {
  tracks: WebmTrack[];
  /** Frames of the video track. */
  frames: number;
  keyframes: number;
  /** From the first frame's time to the last's (ms). */
  spanMs: number;
}

/** A variable-length integer at `at`: its value (marker bit removed unless `keepMarker`) and length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } {
  const first = bytes[at] as number;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 8) throw new Error(`Not EBML: bad length at byte ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = bytes[at + i] as number;
    value = value * 256 + b;
    allOnes &&= b === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

const uint = (bytes: Uint8Array) => bytes.reduce((n, b) => n * 256 + b, 0);

/** Parses a WebM file; throws when it is not one. */
export function readWebm(bytes: Uint8Array): WebmInfo {
  if (uint(bytes.subarray(0, 4)) !== 0x1a45dfa3) throw new Error("Not a WebM file: no EBML header");
  const tracks: WebmTrack[] = [];
  let track: WebmTrack | null = null;
  let clusterTime = 0;
  const blocks: { track: number; time: number; key: boolean }[] = [];
  let at = 0;
  while (at < bytes.length) {
    const id = vint(bytes, at, true);
    const size = vint(bytes, at + id.length, false);
    const start = at + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      if (id.value === 0xae) {
        track = { number: 0, type: 0, codec: "" };
        tracks.push(track);
      }
      at = start;
      continue;
    }
    if (size.value < 0) throw new Error(`Unknown size for a non-container element at byte ${at}`);
    const data = bytes.subarray(start, start + size.value);
    if (id.value === 0x83 && track) track.type = uint(data);
    if (id.value === 0xd7 && track) track.number = uint(data);
    if (id.value === 0x86 && track) track.codec = new TextDecoder().decode(data);
    if (id.value === 0xb0 && track) track.width = uint(data);
    if (id.value === 0xba && track) track.height = uint(data);
    if (id.value === 0xe7) clusterTime = uint(data);
    // A SimpleBlock, or the Block of a BlockGroup (what Chromium writes when frames carry alpha).
    if (id.value === 0xa3 || id.value === 0xa1) {
      const number = vint(data, 0, false);
      // The block's time is a signed 16-bit offset from its cluster's.
      const relative = (((data[number.length] as number) << 24) | ((data[number.length + 1] as number) << 16)) >> 16;
      const key = id.value === 0xa1 || ((data[number.length + 2] as number) & 0x80) !== 0;
      blocks.push({ track: number.value, time: clusterTime + relative, key });
    }
    // A BlockGroup's ReferenceBlock: its frame depends on another, so it is no keyframe.
    const last = blocks[blocks.length - 1];
    if (id.value === 0xfb && last) last.key = false;
    at = start + size.value;
  }
  const video = new Set(tracks.filter((t) => t.type === 1).map((t) => t.number));
  const frames = blocks.filter((b) => video.has(b.track));
  const times = frames.map((b) => b.time);
  const spanMs = times.length === 0 ? 0 : Math.max(...times) - Math.min(...times);
  return { tracks, frames: frames.length, keyframes: frames.filter((b) => b.key).length, spanMs };
}
