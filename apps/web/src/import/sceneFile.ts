import { z } from "zod";
import { LIMITS } from "@archboard/protocol";

/** A file the user tried to open that is not a board; `message` is for humans. */
export class SceneImportError extends Error {
  override name = "SceneImportError";
}

export type SceneFileKind = "excalidraw-json" | "png-with-scene";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The tEXt keyword under which Excalidraw embeds a scene in a PNG. */
export const SCENE_PNG_KEYWORD = "application/vnd.excalidraw+json";

const SceneJsonSchema = z.object({
  type: z.literal("excalidraw"),
  elements: z.array(z.looseObject({ id: z.string(), type: z.string() })),
  appState: z.record(z.string(), z.unknown()).optional(),
  files: z.record(z.string(), z.unknown()).optional(),
});

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function isPng(bytes: Uint8Array) {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** Finds the keywords of a PNG's tEXt/zTXt/iTXt chunks without decoding them. */
export function pngTextKeywords(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keywords: string[] = [];
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const dataStart = at + 8;
    if (dataStart + length > bytes.length) break; // truncated file
    if (type === "tEXt" || type === "zTXt" || type === "iTXt") {
      const data = bytes.subarray(dataStart, Math.min(dataStart + length, dataStart + 80));
      const nul = data.indexOf(0);
      keywords.push(String.fromCharCode(...data.subarray(0, nul < 0 ? data.length : nul)));
    }
    if (type === "IEND") break;
    at = dataStart + length + 4; // skip data and CRC
  }
  return keywords;
}

/**
 * Checks that a file can be opened as a board before anything is changed,
 * and says in plain words why not. Returns the MIME type to hand to
 * Excalidraw's loader. Full decoding happens afterwards; this catches the
 * common mistakes (wrong file, empty, truncated, plain screenshot) early.
 */
export function checkSceneFile(name: string, bytes: Uint8Array): { kind: SceneFileKind; mimeType: string } {
  if (bytes.length === 0) throw new SceneImportError(`“${name}” is empty.`);
  if (bytes.length > LIMITS.maxImportBytes) {
    throw new SceneImportError(`“${name}” is too large (${mb(bytes.length)}; the limit is ${mb(LIMITS.maxImportBytes)}).`);
  }
  if (isPng(bytes)) {
    if (!pngTextKeywords(bytes).includes(SCENE_PNG_KEYWORD)) {
      throw new SceneImportError(
        `“${name}” is a PNG without a board in it. Only PNGs exported with the scene embedded can be opened as boards.`,
      );
    }
    return { kind: "png-with-scene", mimeType: "image/png" };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (!/^\s*\{/.test(text)) {
    throw new SceneImportError(`“${name}” is not a board file. Archboard opens .excalidraw files and PNGs with an embedded scene.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SceneImportError(`“${name}” is damaged: its JSON is incomplete or invalid.`);
  }
  if (json && typeof json === "object" && (json as { type?: unknown }).type === "excalidrawlib") {
    throw new SceneImportError(`“${name}” is a shape library, not a board. Add it from the Library panel instead.`);
  }
  const parsed = SceneJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
    throw new SceneImportError(`“${name}” is not a valid Excalidraw scene${where}.`);
  }
  return { kind: "excalidraw-json", mimeType: "application/json" };
}
