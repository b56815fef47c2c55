/**
 * Checks a Yjs v1 update before it reaches `Y.applyUpdate`.
 *
 * Yjs trusts the counts in an update: `readClientsStructRefs` allocates
 * `new Array(numberOfStructs)` before reading a single struct, so ten bytes
 * claiming 33 million structs cost a quarter of a gigabyte and a second of
 * event loop. Its delete-set reader accepts overlapping and repeated ranges,
 * each of which walks the client's structs again. This module walks the whole
 * encoding once, with lib0's bounds-checked decoder, allocating nothing that
 * grows with a claimed count, and refuses anything Yjs itself never writes:
 *
 * - every count (clients, structs, delete ranges, array and object entries)
 *   must fit in the bytes that remain, at the smallest size one entry can take;
 * - every length (strings, buffers) must end inside the update;
 * - every struct covers at least one clock, and clocks stay exact integers;
 * - a client appears at most once among the structs and once in the delete
 *   set, whose ranges ascend without overlapping;
 * - `any` values and JSON content nest at most {@link DEFAULT_MAX_DEPTH} deep
 *   (deeper values would overflow the stack when the document is re-encoded);
 * - no subdocuments (the app never creates them, and each one is a new `Y.Doc`);
 * - nothing follows the delete set.
 *
 * The encoding (yjs 13, `UpdateDecoderV1`): varUint number of clients; per
 * client varUint number of structs, varUint client, varUint first clock, then
 * the structs, each an info byte whose low five bits name the kind (0 GC, 10
 * skip, 1–9 item content) followed by its fields; then the delete set: varUint
 * number of clients, per client varUint client, varUint number of ranges and
 * (clock, length) varUint pairs.
 */
import { isUtf8 } from "node:buffer";
import * as decoding from "lib0/decoding";

/** How deep `any` values and JSON content may nest. Excalidraw's elements need 4. */
export const DEFAULT_MAX_DEPTH = 64;

/** What a well-formed update holds (for metrics and logs). */
export interface UpdateShape {
  /** Clients with structs. */
  clients: number;
  structs: number;
  /** Clients in the delete set. */
  deleteClients: number;
  deleteRanges: number;
}

/** The verdict: the update's shape, or why it was refused. */
export type UpdateCheck = ({ ok: true } & UpdateShape) | { ok: false; reason: string };

/** Thrown inside the walk; becomes `{ ok: false, reason }`. Not an Error: no stack to capture. */
class Refused {
  constructor(readonly reason: string) {}
}

const refuse = (reason: string): never => {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- caught in checkUpdate; a stack per refused frame would be waste
  throw new Refused(reason);
};

// Smallest encodings, used to bound counts by the bytes that remain.
/** A struct is an info byte plus at least one more (a length, a parent or content). */
const MIN_STRUCT_BYTES = 2;
/** A client's struct section: struct count, client, first clock. */
const MIN_CLIENT_BYTES = 3;
/** A delete-set client: client, range count. */
const MIN_DELETE_CLIENT_BYTES = 2;
/** A delete range: clock, length. */
const MIN_RANGE_BYTES = 2;

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

/** Yjs decodes text as lib0 does: invalid UTF-8 throws (checked first), a leading BOM is kept. */
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Length in UTF-16 code units (a string item's clock length) of valid UTF-8:
 * one unit per sequence, two for four-byte sequences. Counting beats decoding
 * a long string only to measure it.
 */
function utf16Length(bytes: Uint8Array): number {
  let units = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/**
 * Walks `update` once and says whether `Y.applyUpdate` may be given it.
 * Cost is linear in the update's size and independent of what it claims.
 */
export function checkUpdate(update: Uint8Array, maxDepth = DEFAULT_MAX_DEPTH): UpdateCheck {
  const walk = new UpdateWalk(update, maxDepth);
  try {
    const shape = walk.run();
    return { ok: true, ...shape };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.reason };
    // lib0 throws on a varint or length running past the end, or a varint over 2^53.
    return { ok: false, reason: `truncated or oversized field at byte ${walk.position}` };
  }
}

class UpdateWalk {
  private readonly d: decoding.Decoder;

  constructor(
    private readonly update: Uint8Array,
    private readonly maxDepth: number,
  ) {
    this.d = decoding.createDecoder(update);
  }

  get position(): number {
    return this.d.pos;
  }

  private get remaining(): number {
    return this.update.length - this.d.pos;
  }

  run(): UpdateShape {
    const shape: UpdateShape = { clients: 0, structs: 0, deleteClients: 0, deleteRanges: 0 };
    const clients = this.count(MIN_CLIENT_BYTES, "clients");
    const seen = new Set<number>();
    for (let c = 0; c < clients; c++) {
      const structs = this.count(MIN_STRUCT_BYTES, "structs");
      const client = this.uint();
      if (seen.has(client)) refuse(`client ${client} appears twice among the structs`);
      seen.add(client);
      let clock = this.uint();
      for (let s = 0; s < structs; s++) clock = this.clockAfter(clock, this.struct());
      shape.structs += structs;
    }
    shape.clients = clients;
    this.deleteSet(shape);
    if (this.remaining > 0) refuse(`${this.remaining} bytes after the delete set`);
    return shape;
  }

  /** Reads one struct and returns how many clocks it covers. */
  private struct(): number {
    const info = this.byte();
    const kind = info & BITS5;
    if (kind === 0 || kind === 10) return this.positive("GC or skip length"); // GC, skip
    if (info & BIT8) this.id(); // origin
    if (info & BIT7) this.id(); // right origin
    if ((info & (BIT7 | BIT8)) === 0) {
      // No origin to copy the parent from: a root type's name, or the parent item's id.
      if (this.uint() === 1) this.utf8();
      else this.id();
      if (info & BIT6) this.utf8(); // key in a map
    }
    return this.content(kind);
  }

  /** Reads item content of `kind` (Yjs's `contentRefs`) and returns its length in clocks. */
  private content(kind: number): number {
    switch (kind) {
      case 1: // deleted
        return this.positive("deleted length");
      case 2: {
        // JSON (legacy): count, then that many JSON strings
        const n = this.nonEmptyCount(1, "JSON values");
        for (let i = 0; i < n; i++) {
          const text = this.text();
          if (text !== "undefined") this.json(text);
        }
        return n;
      }
      case 3: // binary
        this.skipBytes();
        return 1;
      case 4: {
        const units = utf16Length(this.utf8());
        if (units === 0) refuse("empty string content");
        return units;
      }
      case 5: // embed
        this.json(this.text());
        return 1;
      case 6: // format: key, JSON value
        this.utf8();
        this.json(this.text());
        return 1;
      case 7: {
        // type: array, map, text, xml element (named), fragment, hook (named), xml text
        const ref = this.uint();
        if (ref > 6) refuse(`unknown type ref ${ref}`);
        if (ref === 3 || ref === 5) this.utf8();
        return 1;
      }
      case 8: {
        const n = this.nonEmptyCount(1, "any values");
        for (let i = 0; i < n; i++) this.any(1);
        return n;
      }
      case 9:
        return refuse("subdocuments are not accepted");
      default:
        return refuse(`unknown struct kind ${kind}`);
    }
  }

  /** One lib0 `any` value, at nesting `depth`. */
  private any(depth: number): void {
    if (depth > this.maxDepth) refuse(`value nested deeper than ${this.maxDepth}`);
    const tag = this.byte();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // varInt (lib0 reads its first byte unchecked)
        if (this.remaining < 1) refuse("update ends mid-value");
        decoding.readVarInt(this.d);
        return;
      case 124: // float32
        this.skip(4);
        return;
      case 123: // float64
      case 122: // bigint64
        this.skip(8);
        return;
      case 119:
        this.utf8();
        return;
      case 116: // Uint8Array
        this.skipBytes();
        return;
      case 118: {
        // object: count, then (key string, value) pairs
        const n = this.count(2, "object entries");
        for (let i = 0; i < n; i++) {
          this.utf8();
          this.any(depth + 1);
        }
        return;
      }
      case 117: {
        const n = this.count(1, "array entries");
        for (let i = 0; i < n; i++) this.any(depth + 1);
        return;
      }
      default:
        refuse(`unknown value tag ${tag}`);
    }
  }

  private deleteSet(shape: UpdateShape): void {
    const clients = this.count(MIN_DELETE_CLIENT_BYTES, "delete-set clients");
    const seen = new Set<number>();
    for (let c = 0; c < clients; c++) {
      const client = this.uint();
      if (seen.has(client)) refuse(`client ${client} appears twice in the delete set`);
      seen.add(client);
      const ranges = this.count(MIN_RANGE_BYTES, "delete ranges");
      let end = 0;
      for (let r = 0; r < ranges; r++) {
        const clock = this.uint();
        if (clock < end) refuse(`delete ranges of client ${client} overlap or are out of order`);
        end = this.clockAfter(clock, this.positive("delete length"));
      }
      shape.deleteRanges += ranges;
    }
    shape.deleteClients = clients;
  }

  /** Checks a JSON content string: it parses, and its brackets nest at most `maxDepth` deep. */
  private json(text: string): void {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (c === 0x5c)
          i++; // backslash: skip the escaped character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > this.maxDepth) refuse(`JSON nested deeper than ${this.maxDepth}`);
      } else if (c === 0x5d || c === 0x7d) depth--;
    }
    try {
      JSON.parse(text);
    } catch {
      refuse("content is not JSON");
    }
  }

  private clockAfter(clock: number, length: number): number {
    const end = clock + length;
    if (!Number.isSafeInteger(end)) refuse("clock beyond 2^53");
    return end;
  }

  private id(): void {
    this.uint();
    this.uint();
  }

  private uint(): number {
    return decoding.readVarUint(this.d);
  }

  private positive(what: string): number {
    const n = this.uint();
    if (n === 0) refuse(`zero ${what}`);
    return n;
  }

  /** A count whose entries take at least `minBytes` each: it must fit in what remains. */
  private count(minBytes: number, what: string): number {
    const n = this.uint();
    if (n * minBytes > this.remaining) refuse(`${n} ${what} cannot fit in the ${this.remaining} bytes left`);
    return n;
  }

  private nonEmptyCount(minBytes: number, what: string): number {
    const n = this.count(minBytes, what);
    if (n === 0) refuse(`zero ${what}`);
    return n;
  }

  private byte(): number {
    if (this.remaining < 1) refuse("update ends mid-struct");
    return decoding.readUint8(this.d);
  }

  private skip(n: number): void {
    if (n > this.remaining) refuse(`a ${n}-byte field runs past the end`);
    this.d.pos += n;
  }

  /** A varUint length and that many bytes (buffers). */
  private skipBytes(): void {
    this.skip(this.uint());
  }

  /** A varUint length and that much valid UTF-8 (names, keys, text); returns the bytes. */
  private utf8(): Uint8Array {
    const n = this.uint();
    this.skip(n);
    const bytes = this.update.subarray(this.d.pos - n, this.d.pos);
    if (!isUtf8(bytes)) refuse("text is not UTF-8");
    return bytes;
  }

  /** Like {@link utf8}, decoded (JSON content, which must be parsed). */
  private text(): string {
    return utf8.decode(this.utf8());
  }
}
