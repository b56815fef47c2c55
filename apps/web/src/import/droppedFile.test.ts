import { describe, expect, it } from "vitest";
import { classifyDroppedFile } from "./droppedFile.ts";
import { SCENE_PNG_KEYWORD } from "./sceneFile.ts";
import { png } from "./testPng.ts";

const file = (bytes: Uint8Array | string, name: string, type: string) => new File([bytes as BlobPart], name, { type });
const SCENE = JSON.stringify({ type: "excalidraw", version: 2, elements: [{ id: "a", type: "rectangle" }] });

describe("classifyDroppedFile", () => {
  it("takes pictures without a scene as pictures", async () => {
    expect((await classifyDroppedFile(file(png(), "logo.png", "image/png"))).kind).toBe("picture");
    expect(
      (await classifyDroppedFile(file("<svg xmlns='http://www.w3.org/2000/svg'/>", "icon.svg", "image/svg+xml"))).kind,
    ).toBe("picture");
    // Never read: these formats cannot carry a scene.
    expect((await classifyDroppedFile(file("not really a jpeg", "photo.jpg", "image/jpeg"))).kind).toBe("picture");
  });

  it("takes boards as boards, however they are wrapped", async () => {
    expect((await classifyDroppedFile(file(png([[SCENE_PNG_KEYWORD, "{}"]]), "board.png", "image/png"))).kind).toBe(
      "scene",
    );
    expect((await classifyDroppedFile(file(SCENE, "board.excalidraw", ""))).kind).toBe("scene");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><!-- svg-source:excalidraw --><metadata><!-- payload-type:application/vnd.excalidraw+json --></metadata></svg>`;
    expect((await classifyDroppedFile(file(svg, "board.svg", "image/svg+xml"))).kind).toBe("scene");
  });

  it("refuses anything else with the message opening it would give", async () => {
    const notes = await classifyDroppedFile(file("just notes", "notes.txt", "text/plain"));
    expect(notes).toMatchObject({
      kind: "refused",
      message: expect.stringContaining("“notes.txt” is not a board file"),
    });
    const cut = await classifyDroppedFile(file(png().subarray(0, 30), "cut.png", "image/png"));
    expect(cut).toMatchObject({ kind: "refused", message: expect.stringContaining("damaged PNG") });
  });
});
