import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { encodePngChunk, parseSceneFile, PNG_SIGNATURE } from "@archboard/diagram-lint";
import { setEstimateText } from "../estimates/estimatesDoc.ts";
import { readBoardData } from "../import/boardData.ts";
import { addBoardData, boardFileData, pngWithScene } from "./boardData.ts";

/** A 1×1 PNG as an image encoder would write it (the pixels do not matter here). */
function tinyPng(): Blob {
  const ihdr = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0);
  return new Blob([
    PNG_SIGNATURE,
    encodePngChunk("IHDR", ihdr),
    encodePngChunk("IDAT", Uint8Array.of(1, 2, 3)),
    encodePngChunk("IEND", new Uint8Array(0)),
  ] as BlobPart[]);
}

const scene = JSON.stringify(
  {
    type: "excalidraw",
    version: 2,
    source: "test",
    elements: [{ id: "a", type: "rectangle" }],
    appState: {},
    files: {},
  },
  null,
  2,
);

function boardWithEstimate() {
  const doc = new Y.Doc();
  setEstimateText(doc, "dau", "100M");
  setEstimateText(doc, "readsPerUser", "10 × more");
  return doc;
}

describe("the estimate in scene files", () => {
  it("rides in a .excalidraw file and comes back", async () => {
    const json = addBoardData(scene, boardFileData(boardWithEstimate()));
    expect(JSON.parse(json)).toMatchObject({
      type: "excalidraw",
      elements: [{ id: "a" }],
      archboard: { estimates: { version: 1 } },
    });
    expect((await readBoardData(new TextEncoder().encode(json))).estimates).toEqual({
      dau: "100M",
      readsPerUser: "10 × more",
    });
  });

  it("rides in a PNG's embedded scene, in the format Excalidraw reads", async () => {
    const png = await pngWithScene(tinyPng(), addBoardData(scene, boardFileData(boardWithEstimate())));
    const bytes = new Uint8Array(await png.arrayBuffer());
    // Decoded as any Excalidraw PNG is: the drawing is there.
    expect(
      parseSceneFile(bytes, "board.png", { inflate: (b) => new Uint8Array(inflateSync(b)) }).elements,
    ).toMatchObject([{ id: "a" }]);
    expect((await readBoardData(bytes)).estimates).toEqual({ dau: "100M", readsPerUser: "10 × more" });
  });

  it("replaces a scene already embedded, rather than adding a second one", async () => {
    const once = await pngWithScene(tinyPng(), scene);
    const twice = await pngWithScene(once, addBoardData(scene, boardFileData(boardWithEstimate())));
    const text = new TextDecoder("latin1").decode(new Uint8Array(await twice.arrayBuffer()));
    expect(text.split("tEXtapplication/vnd.excalidraw+json").length).toBe(2);
    expect((await readBoardData(new Uint8Array(await twice.arrayBuffer()))).estimates).toEqual({
      dau: "100M",
      readsPerUser: "10 × more",
    });
  });

  it("adds nothing for a board without an estimate, and reads nothing from a file without one or a damaged one", async () => {
    expect(addBoardData(scene, boardFileData(new Y.Doc()))).toBe(scene);
    expect((await readBoardData(new TextEncoder().encode(scene))).estimates).toBeNull();
    const bad = JSON.stringify({ ...JSON.parse(scene), archboard: { estimates: { version: 1, inputs: { dau: 5 } } } });
    expect((await readBoardData(new TextEncoder().encode(bad))).estimates).toBeNull();
    expect(
      (await readBoardData(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).estimates,
    ).toBeNull();
  });
});
