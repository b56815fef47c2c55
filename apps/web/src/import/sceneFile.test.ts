import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { diagramSet, FIXTURES_DIR } from "@archboard/diagram-lint/testing/corpus";
import { describe, expect, it } from "vitest";
import { png } from "./testPng.ts";
import { SceneImportError, checkSceneFile, pngTextKeywords, SCENE_PNG_KEYWORD } from "./sceneFile.ts";

const enc = new TextEncoder();

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
    const withScene = png([
      ["Software", "x"],
      [SCENE_PNG_KEYWORD, "{}"],
    ]);
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
    expectError(
      () => checkSceneFile("lib.excalidrawlib", enc.encode('{"type":"excalidrawlib","libraryItems":[]}')),
      /shape library/,
    );
  });

  it("refuses files over the size limit before parsing them", () => {
    const big = new Uint8Array(51 * 1024 * 1024);
    expectError(() => checkSceneFile("big.excalidraw", big), /too large \(51 MB; the limit is 50 MB\)/);
  });
});
