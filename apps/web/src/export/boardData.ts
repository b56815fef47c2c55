/**
 * What a scene file carries beyond Excalidraw's own data: the board's estimate, under a
 * top-level "archboard" key. Excalidraw 0.18 keeps only its own app-state keys when it
 * serialises (and again when it restores), so the estimate cannot ride in `appState`; a
 * top-level key is ignored by Excalidraw and read back by us. For PNGs we write the
 * embedded scene ourselves, in Excalidraw's own format (a zlib-deflated "bstring" in a
 * tEXt chunk), so both Excalidraw and Archboard open the file.
 */
import * as Y from "yjs";
import { encodePngChunk, latin1, PNG_SIGNATURE, readPngChunks } from "@archboard/diagram-lint";
import { storeEstimate, type StoredEstimate } from "@archboard/estimates";
import { readEstimateTexts } from "../estimates/estimatesDoc.ts";

/** The key under which a scene file carries Archboard's data. */
export const BOARD_DATA_KEY = "archboard";
/** The tEXt keyword Excalidraw embeds a scene under. */
export const SCENE_KEYWORD = "application/vnd.excalidraw+json";

/** Archboard's part of a scene file. */
export interface BoardFileData {
  readonly estimates?: StoredEstimate;
}

/** The board's data for a file; undefined when there is nothing to add. */
export function boardFileData(doc: Y.Doc): BoardFileData | undefined {
  const estimates = storeEstimate(readEstimateTexts(doc));
  return Object.keys(estimates.inputs).length > 0 ? { estimates } : undefined;
}

/** Excalidraw's scene JSON with Archboard's data added (unchanged when there is none). */
export function addBoardData(sceneJson: string, data: BoardFileData | undefined): string {
  if (!data) return sceneJson;
  const scene = JSON.parse(sceneJson) as Record<string, unknown>;
  return JSON.stringify({ ...scene, [BOARD_DATA_KEY]: data }, null, 2);
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** zlib deflate (what Excalidraw's pako writes and reads). */
export const deflate = (bytes: Uint8Array) => pipe(bytes, new CompressionStream("deflate"));
/** zlib inflate. */
export const inflate = (bytes: Uint8Array) => pipe(bytes, new DecompressionStream("deflate"));

/**
 * A PNG with `sceneJson` embedded the way Excalidraw embeds it; any scene already in
 * the PNG is replaced.
 */
export async function pngWithScene(png: Blob, sceneJson: string): Promise<Blob> {
  const chunks = readPngChunks(new Uint8Array(await png.arrayBuffer()));
  const compressed = await deflate(new TextEncoder().encode(sceneJson));
  const envelope = JSON.stringify({ version: "1", encoding: "bstring", compressed: true, encoded: latin1(compressed) });
  const text = latin1(new TextEncoder().encode(SCENE_KEYWORD)) + "\0" + envelope;
  const data = Uint8Array.from(text, (c) => c.charCodeAt(0));
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  for (const c of chunks) {
    if (c.type === "IEND") parts.push(encodePngChunk("tEXt", data));
    if (c.type === "tEXt" && latin1(c.data.subarray(0, SCENE_KEYWORD.length)) === SCENE_KEYWORD) continue;
    parts.push(encodePngChunk(c.type, c.data));
  }
  return new Blob(parts as BlobPart[], { type: "image/png" });
}
