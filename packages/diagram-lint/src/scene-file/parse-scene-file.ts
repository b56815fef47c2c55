import type { SceneElement } from "@archboard/scene";
import { byteStringToBytes, decodeTextChunk, isPng, readPngChunks } from "./png.ts";

/** Files above this size are refused before parsing (50 MB). */
export const MAX_SCENE_BYTES = 50 * 1024 * 1024;

/** The PNG tEXt keyword (and MIME type) Excalidraw writes its scene under. */
export const EXCALIDRAW_MIME = "application/vnd.excalidraw+json";

/** A decoded scene: the elements plus whatever app state and files it carried. */
export interface ParsedScene {
  readonly elements: SceneElement[];
  readonly appState?: Record<string, unknown>;
  readonly files?: Record<string, unknown>;
  /** The whole scene document as read (every field kept), for writing the file back. */
  readonly document?: Record<string, unknown>;
}

export interface ParseOptions {
  /**
   * zlib inflate, needed only for PNGs (Excalidraw deflates the embedded scene). Pass
   * `zlib.inflateSync` in Node, or `pako.inflate` in the browser: this package ships
   * no decompressor so it stays dependency-free.
   */
  readonly inflate?: (bytes: Uint8Array) => Uint8Array;
  /**
   * UTF-8 decoding that returns null on invalid bytes. Optional: the default is the
   * standard `TextDecoder`; Node can pass its faster native check and conversion.
   */
  readonly decodeUtf8?: (bytes: Uint8Array) => string | null;
}

/** Why a file could not be read as a scene; `message` is one human line. */
export class SceneFileError extends Error {
  override readonly name = "SceneFileError";
}

/**
 * Decodes a `.excalidraw` JSON file or a PNG exported with "embed scene" into its
 * elements. Throws `SceneFileError` with a one-line reason when the bytes are not a
 * readable scene (empty, too big, invalid JSON, not a scene, PNG without a scene…).
 */
export function parseSceneFile(bytes: Uint8Array, fileName = "file", options: ParseOptions = {}): ParsedScene {
  if (bytes.length === 0) throw new SceneFileError(`${fileName} is empty`);
  if (bytes.length > MAX_SCENE_BYTES) {
    throw new SceneFileError(`${fileName} is too big (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 50 MB)`);
  }
  const text = isPng(bytes) ? sceneTextFromPng(bytes, fileName, options) : decodeUtf8(bytes, fileName, options);
  return sceneFromJson(text, fileName);
}

function decodeUtf8(bytes: Uint8Array, fileName: string, options: ParseOptions): string {
  if (options.decodeUtf8) {
    const text = options.decodeUtf8(bytes);
    if (text === null) throw new SceneFileError(`${fileName} is neither a PNG nor UTF-8 text`);
    return text.replace(/^\uFEFF/, "");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SceneFileError(`${fileName} is neither a PNG nor UTF-8 text`);
  }
}

function sceneFromJson(text: string, fileName: string): ParsedScene {
  if (!text.trim()) throw new SceneFileError(`${fileName} is empty`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SceneFileError(`${fileName} is not valid JSON (${(error as Error).message.split("\n")[0]})`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new SceneFileError(`${fileName} is not an Excalidraw scene (expected a JSON object)`);
  }
  const scene = data as { type?: unknown; elements?: unknown; appState?: unknown; files?: unknown };
  if (scene.type !== "excalidraw" && scene.type !== "excalidraw/clipboard") {
    const what = typeof scene.type === "string" ? `type "${scene.type}"` : 'no "type": "excalidraw"';
    throw new SceneFileError(`${fileName} is not an Excalidraw scene (${what})`);
  }
  if (!Array.isArray(scene.elements)) throw new SceneFileError(`${fileName} has no "elements" list`);
  const listed: unknown[] = scene.elements;
  const elements = listed.filter(isElementRecord);
  if (elements.length !== listed.length) {
    throw new SceneFileError(
      `${fileName} has ${listed.length - elements.length} malformed elements (each needs an "id" and a "type")`,
    );
  }
  return {
    elements,
    ...(isRecord(scene.appState) ? { appState: scene.appState } : {}),
    ...(isRecord(scene.files) ? { files: scene.files } : {}),
    document: scene,
  };
}

/**
 * Excalidraw 0.18.1 writes `{version:"1", encoding:"bstring", compressed:true, encoded}`
 * where `encoded` is the zlib-deflated UTF-8 scene as a byte string; with
 * `compressed:false` it is the UTF-8 bytes themselves. The oldest exports stored the
 * scene JSON directly as the chunk text.
 */
function sceneTextFromPng(bytes: Uint8Array, fileName: string, options: ParseOptions): string {
  let chunks;
  try {
    chunks = readPngChunks(bytes);
  } catch (error) {
    throw new SceneFileError(`${fileName}: ${(error as Error).message}`);
  }
  const chunk = chunks
    .filter((c) => c.type === "tEXt")
    .map((c) => decodeTextChunk(c.data))
    .find((c) => c.keyword === EXCALIDRAW_MIME);
  if (!chunk)
    throw new SceneFileError(`${fileName} is a PNG without an embedded Excalidraw scene (export with "Embed scene")`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(chunk.text);
  } catch {
    throw new SceneFileError(`${fileName}: the embedded scene is not valid JSON`);
  }
  if (!parsed || typeof parsed !== "object") throw new SceneFileError(`${fileName}: the embedded scene is not valid`);
  const envelope = parsed as { encoded?: unknown; encoding?: unknown; compressed?: unknown; type?: unknown };
  if (!("encoded" in envelope)) return chunk.text;
  if (envelope.encoding !== "bstring" || typeof envelope.encoded !== "string") {
    throw new SceneFileError(`${fileName}: unknown scene encoding "${String(envelope.encoding)}"`);
  }
  let raw: Uint8Array;
  try {
    raw = byteStringToBytes(envelope.encoded);
  } catch (error) {
    throw new SceneFileError(`${fileName}: ${(error as Error).message}`);
  }
  if (envelope.compressed) {
    if (!options.inflate)
      throw new SceneFileError(`${fileName}: the embedded scene is compressed and no inflate function was given`);
    try {
      raw = options.inflate(raw);
    } catch {
      throw new SceneFileError(`${fileName}: the embedded scene cannot be decompressed`);
    }
  }
  return decodeUtf8(raw, fileName, options);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

/** An element as far as the checks need it: an object with a string `id` and `type`. */
function isElementRecord(v: unknown): v is SceneElement {
  return isRecord(v) && typeof v["id"] === "string" && typeof v["type"] === "string";
}
