/**
 * Reads Archboard's part of a scene file (see `export/boardData.ts`): the estimate typed
 * on the board it came from. The file is untrusted: whatever does not check out is
 * ignored, and the board opens without it.
 */
import { byteStringToBytes, decodeTextChunk, isPng, readPngChunks } from "@archboard/diagram-lint";
import { readStoredEstimate, type EstimateTexts } from "@archboard/estimates";
import { BOARD_DATA_KEY, SCENE_KEYWORD, inflate } from "../export/boardData.ts";

/** What a scene file brings besides the drawing. */
export interface ImportedBoardData {
  readonly estimates: EstimateTexts | null;
}

const NOTHING: ImportedBoardData = { estimates: null };

/** The scene JSON of a `.excalidraw` file or a PNG with an embedded scene; null if there is none. */
async function sceneText(bytes: Uint8Array): Promise<string | null> {
  if (!isPng(bytes)) return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const chunk = readPngChunks(bytes)
    .filter((c) => c.type === "tEXt")
    .map((c) => decodeTextChunk(c.data))
    .find((c) => c.keyword === SCENE_KEYWORD);
  if (!chunk) return null;
  const envelope = JSON.parse(chunk.text) as { encoded?: unknown; compressed?: unknown };
  if (typeof envelope.encoded !== "string") return chunk.text; // the oldest exports: the scene itself
  const raw = byteStringToBytes(envelope.encoded);
  return new TextDecoder().decode(envelope.compressed ? await inflate(raw) : raw);
}

/** Archboard's data in a scene file; nothing when there is none or it does not check out. */
export async function readBoardData(bytes: Uint8Array): Promise<ImportedBoardData> {
  try {
    const text = await sceneText(bytes);
    if (!text) return NOTHING;
    const data = (JSON.parse(text) as Record<string, unknown>)[BOARD_DATA_KEY] as { estimates?: unknown } | undefined;
    return { estimates: data && typeof data === "object" ? readStoredEstimate(data.estimates) : null };
  } catch {
    return NOTHING;
  }
}
