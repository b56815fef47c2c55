import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { standardArchitecture } from "../testing/scene.ts";
import { parseSceneFile, SceneFileError } from "./parse-scene-file.ts";
import { crc32, encodePngChunk, latin1, PNG_SIGNATURE } from "./png.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const inflate = (b: Uint8Array) => new Uint8Array(inflateSync(b));
const sceneJson = JSON.stringify({
  type: "excalidraw",
  version: 2,
  source: "test",
  elements: standardArchitecture().elements,
  appState: { viewBackgroundColor: "#fff" },
  files: {},
});

/** A 1×1 PNG, with an optional tEXt chunk inserted before IEND as Excalidraw does. */
function png(text?: { keyword: string; value: string }): Uint8Array {
  const ihdr = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0);
  const idat = new Uint8Array(deflateSync(Uint8Array.of(0, 0)));
  const parts = [PNG_SIGNATURE, encodePngChunk("IHDR", ihdr), encodePngChunk("IDAT", idat)];
  if (text) {
    const data = Uint8Array.from(
      [...text.keyword]
        .map((c) => c.charCodeAt(0))
        .concat(
          [0],
          [...text.value].map((c) => c.charCodeAt(0)),
        ),
    );
    parts.push(encodePngChunk("tEXt", data));
  }
  parts.push(encodePngChunk("IEND", new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What Excalidraw 0.18.1's encodePngMetadata writes: JSON of {version, encoding, compressed, encoded}. */
const envelope = (compressed: boolean) =>
  JSON.stringify({
    version: "1",
    encoding: "bstring",
    compressed,
    encoded: latin1(compressed ? new Uint8Array(deflateSync(utf8(sceneJson))) : utf8(sceneJson)),
  });
const KEYWORD = "application/vnd.excalidraw+json";

describe("parseSceneFile", () => {
  it("reads a .excalidraw JSON file", () => {
    const parsed = parseSceneFile(utf8(sceneJson), "board.excalidraw");
    expect(parsed.elements.length).toBe(standardArchitecture().elements.length);
    expect(parsed.appState).toEqual({ viewBackgroundColor: "#fff" });
  });

  it("reads a PNG with a compressed embedded scene (the 0.18.1 format)", () => {
    const parsed = parseSceneFile(png({ keyword: KEYWORD, value: envelope(true) }), "scene.png", { inflate });
    expect(parsed.elements.map((e) => e.id)).toEqual(standardArchitecture().elements.map((e) => e.id));
  });

  it("reads uncompressed and legacy plain-JSON embeddings, keeping non-ASCII text", () => {
    expect(parseSceneFile(png({ keyword: KEYWORD, value: envelope(false) })).elements.length).toBeGreaterThan(0);
    const legacy = JSON.stringify({ type: "excalidraw", elements: [{ id: "t", type: "text", text: "Cafe" }] });
    expect(parseSceneFile(png({ keyword: KEYWORD, value: legacy })).elements[0]?.text).toBe("Cafe");
    const accented = JSON.stringify({ type: "excalidraw", elements: [{ id: "t", type: "text", text: "Café → DB" }] });
    const env = JSON.stringify({
      version: "1",
      encoding: "bstring",
      compressed: true,
      encoded: latin1(new Uint8Array(deflateSync(utf8(accented)))),
    });
    expect(parseSceneFile(png({ keyword: KEYWORD, value: env }), "x.png", { inflate }).elements[0]?.text).toBe(
      "Café → DB",
    );
  });

  it.each([
    ["empty", new Uint8Array(0), /is empty/],
    ["whitespace", utf8("  \n"), /is empty/],
    ["broken JSON", utf8('{"type": "excalidraw", '), /not valid JSON/],
    ["not a scene", utf8(JSON.stringify({ name: "pkg" })), /not an Excalidraw scene/],
    ["a library", utf8(JSON.stringify({ type: "excalidrawlib", libraryItems: [] })), /not an Excalidraw scene/],
    ["no elements", utf8(JSON.stringify({ type: "excalidraw" })), /no "elements"/],
    ["PNG without scene", png(), /PNG without an embedded Excalidraw scene/],
    ["binary junk", Uint8Array.of(0xff, 0xfe, 0x00, 0x81), /neither a PNG nor UTF-8/],
  ])("refuses %s with a one-line reason", (_name, bytes, reason) => {
    expect(() => parseSceneFile(bytes, "f")).toThrowError(SceneFileError);
    try {
      parseSceneFile(bytes, "f");
    } catch (error) {
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("refuses a file over 50 MB without parsing it", () => {
    expect(() => parseSceneFile(new Uint8Array(50 * 1024 * 1024 + 1), "big.excalidraw")).toThrowError(/too big/);
  });

  it("refuses a compressed PNG scene when no inflate is given, and a corrupt chunk", () => {
    const file = png({ keyword: KEYWORD, value: envelope(true) });
    expect(() => parseSceneFile(file, "s.png")).toThrowError(/no inflate function/);
    const corrupt = file.slice();
    corrupt[40] = corrupt[40]! ^ 0xff;
    expect(() => parseSceneFile(corrupt, "s.png", { inflate })).toThrowError(SceneFileError);
  });

  it("computes the PNG CRC-32 of the spec's check value", () => {
    expect(crc32(utf8("123456789"))).toBe(0xcbf43926);
  });
});
