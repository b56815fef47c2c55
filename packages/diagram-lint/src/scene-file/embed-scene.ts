import { EXCALIDRAW_MIME } from "./parse-scene-file.ts";
import { PNG_SIGNATURE, decodeTextChunk, encodePngChunk, latin1, readPngChunks } from "./png.ts";

/**
 * Writes a scene into a PNG the way Excalidraw's "Embed scene" export does: one `tEXt`
 * chunk under the keyword `application/vnd.excalidraw+json` whose text is
 * `{"version":"1","encoding":"bstring","compressed":true,"encoded":…}`, `encoded` being
 * the zlib-deflated UTF-8 scene as a byte string. Every other chunk (the image itself)
 * is kept as it was; a scene chunk already present is replaced, and the new one goes
 * just before `IEND`.
 */
export function embedScene(png: Uint8Array, sceneJson: string, deflate: (bytes: Uint8Array) => Uint8Array): Uint8Array {
  const chunks = readPngChunks(png).filter(
    (c) => !(c.type === "tEXt" && decodeTextChunk(c.data).keyword === EXCALIDRAW_MIME),
  );
  const envelope = JSON.stringify({
    version: "1",
    encoding: "bstring",
    compressed: true,
    encoded: latin1(deflate(new TextEncoder().encode(sceneJson))),
  });
  const text = new Uint8Array(EXCALIDRAW_MIME.length + 1 + envelope.length);
  for (let i = 0; i < EXCALIDRAW_MIME.length; i++) text[i] = EXCALIDRAW_MIME.charCodeAt(i);
  // The envelope is ASCII: the byte string only holds code units below 0x100, and JSON escapes the rest.
  for (let i = 0; i < envelope.length; i++) text[EXCALIDRAW_MIME.length + 1 + i] = envelope.charCodeAt(i);
  const parts: Uint8Array[] = [PNG_SIGNATURE];
  for (const c of chunks) {
    if (c.type === "IEND") parts.push(encodePngChunk("tEXt", text));
    parts.push(encodePngChunk(c.type, c.data));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
