/**
 * The app binds Excalidraw's own types; this file fails type-checking
 * (`tsc -p packages/board-sync`) if they stop fitting the binding's generics.
 */
import type { ExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFileData } from "@excalidraw/excalidraw/types";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as Y from "yjs";
import { BoardBinding } from "./binding.ts";
import { readScene } from "./doc.ts";
import type { FileEntry, SceneAdapter, SyncedElement } from "./types.ts";

describe("Excalidraw types", () => {
  it("fit SyncedElement and FileEntry", () => {
    expectTypeOf<ExcalidrawElement>().not.toBeAny();
    expectTypeOf<ExcalidrawElement>().toExtend<SyncedElement>();
    expectTypeOf<BinaryFileData>().toExtend<FileEntry>();
    const doc = new Y.Doc();
    const { elements } = readScene<ExcalidrawElement, BinaryFileData>(doc);
    let scene: ExcalidrawElement[] = elements;
    const adapter: SceneAdapter<ExcalidrawElement, BinaryFileData> = {
      getElementsIncludingDeleted: () => scene,
      getEditingIds: () => new Set<string>(),
      applyRemote: (next) => {
        scene = next;
      },
      addFiles: () => {},
    };
    const binding = new BoardBinding(doc, adapter);
    binding.pushLocal(scene, {});
    binding.destroy();
    expect(scene).toEqual([]);
  });
});
