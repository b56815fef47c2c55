import { z } from "zod";
import { LIMITS } from "@archboard/protocol";
import { decodeTextChunk, isPng, readPngChunks } from "@archboard/diagram-lint";

/** A file the user tried to open that is not a board; `message` is for humans. */
export class SceneImportError extends Error {
  override name = "SceneImportError";
  /** `"picture"`: a readable PNG or SVG that simply carries no scene (it can go on a board as a picture). */
  constructor(
    message: string,
    readonly reason?: "picture",
  ) {
    super(message);
  }
}

export type SceneFileKind = "excalidraw-json" | "png-with-scene" | "svg-with-scene";

/** The tEXt keyword under which Excalidraw embeds a scene in a PNG. */
export const SCENE_PNG_KEYWORD = "application/vnd.excalidraw+json";

const SceneJsonSchema = z.object({
  type: z.literal("excalidraw"),
  elements: z.array(z.looseObject({ id: z.string(), type: z.string() })),
  appState: z.record(z.string(), z.unknown()).optional(),
  files: z.record(z.string(), z.unknown()).optional(),
});

/** What Excalidraw writes into an SVG export that carries its scene. */
const SCENE_SVG_MARKER = "payload-type:application/vnd.excalidraw+json";

/** Whether decoded text is an SVG document (optionally behind an XML prolog or comments). */
export const isSvgText = (text: string) =>
  /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(text);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** The keywords of a PNG's text chunks (the scene's chunk among them, if embedded). */
export function pngTextKeywords(bytes: Uint8Array): string[] {
  return readPngChunks(bytes)
    .filter((c) => c.type === "tEXt")
    .map((c) => decodeTextChunk(c.data).keyword);
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
    throw new SceneImportError(
      `“${name}” is too large (${mb(bytes.length)}; the limit is ${mb(LIMITS.maxImportBytes)}).`,
    );
  }
  if (isPng(bytes)) {
    let keywords: string[];
    try {
      keywords = pngTextKeywords(bytes);
    } catch {
      throw new SceneImportError(`“${name}” is a damaged PNG: it is cut short or its data is corrupt.`);
    }
    if (!keywords.includes(SCENE_PNG_KEYWORD)) {
      throw new SceneImportError(
        `“${name}” is a PNG without a board in it. Only PNGs exported with the scene embedded can be opened as boards.`,
        "picture",
      );
    }
    return { kind: "png-with-scene", mimeType: "image/png" };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  if (isSvgText(text)) {
    if (!text.includes(SCENE_SVG_MARKER)) {
      throw new SceneImportError(
        `“${name}” is an SVG without a board in it. Only SVGs exported with the scene embedded can be opened as boards.`,
        "picture",
      );
    }
    return { kind: "svg-with-scene", mimeType: "image/svg+xml" };
  }
  if (!/^\s*\{/.test(text)) {
    throw new SceneImportError(
      `“${name}” is not a board file. Archboard opens .excalidraw files and PNGs with an embedded scene.`,
    );
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
