import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { diagramSet, FIXTURES_DIR } from "@archboard/diagram-lint/testing/corpus";
import { describe, expect, it } from "vitest";
import { SceneImportError, checkSceneFile, pngTextKeywords, SCENE_PNG_KEYWORD } from "./sceneFile.ts";

const enc = new TextEncoder();

/** Builds a minimal PNG (1×1, grey) with optional tEXt chunks. */
function png(texts: Array<[string, string]> = []): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set(enc.encode(type), 4);
    out.set(data, 8);
    view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 128]));
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    ...texts.map(([k, v]) => chunk("tEXt", enc.encode(`${k}\0${v}`))),
    chunk("IDAT", idat),
    chunk("IEND", new Uint8Array()),
  ];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

const expectError = (fn: () => unknown, pattern: RegExp) => {
  expect(fn).toThrow(SceneImportError);
  expect(fn).toThrow(pattern);
};

describe("checkSceneFile", () => {
  it("accepts every real .excalidraw file of the diagram set", () => {
    const set = diagramSet();
    console.info(`checkSceneFile over ${set.description}`);
    expect(set.files.length).toBeGreaterThan(0);
    for (const f of set.files) {
      expect(checkSceneFile(f, readFileSync(resolve(set.dir, f))).kind, f).toBe("excalidraw-json");
    }
  });

  it("accepts a PNG that carries a scene and rejects a plain PNG", () => {
    const withScene = png([["Software", "x"], [SCENE_PNG_KEYWORD, "{}"]]);
    expect(pngTextKeywords(withScene)).toEqual(["Software", SCENE_PNG_KEYWORD]);
    expect(checkSceneFile("a.png", withScene)).toEqual({ kind: "png-with-scene", mimeType: "image/png" });
    expectError(() => checkSceneFile("shot.png", png()), /PNG without a board/);
    const corrupt = withScene.slice();
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    expectError(() => checkSceneFile("bad.png", corrupt), /damaged PNG/);
  });

  it("explains empty, truncated, foreign and library files", () => {
    expectError(() => checkSceneFile("e.excalidraw", new Uint8Array()), /is empty/);
    const real = readFileSync(resolve(FIXTURES_DIR, "url-shortener-kuerzen.excalidraw"));
    expectError(() => checkSceneFile("cut.excalidraw", real.subarray(0, real.length / 2)), /damaged/);
    expectError(() => checkSceneFile("notes.txt", enc.encode("hello")), /not a board file/);
    expectError(() => checkSceneFile("pkg.json", enc.encode('{"name":"x"}')), /not a valid Excalidraw scene/);
    expectError(
      () => checkSceneFile("bad.excalidraw", enc.encode('{"type":"excalidraw","elements":[{"id":1}]}')),
      /not a valid Excalidraw scene \(at elements\.0/,
    );
    expectError(() => checkSceneFile("lib.excalidrawlib", enc.encode('{"type":"excalidrawlib","libraryItems":[]}')), /shape library/);
  });

  it("refuses files over the size limit before parsing them", () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    expectError(() => checkSceneFile("big.excalidraw", big), /too large \(51 MB; the limit is 50 MB\)/);
  });
});
