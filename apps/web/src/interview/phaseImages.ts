/**
 * The pictures of the board by phase: each cut's board fetched from the
 * room's history on the server (the same endpoint and role rules as the
 * History tab; any interview role may read the board's history, so the
 * candidate makes the same pictures), rendered to PNG and downloaded.
 */
import { exportToBlob } from "@excalidraw/excalidraw";
import type { NonDeletedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFiles } from "@excalidraw/excalidraw/types";
import { readScene } from "@archboard/board-sync";
import type { RoomId } from "@archboard/protocol";
import * as Y from "yjs";
import { download } from "../export/exportBoard.ts";
import { exportFileName } from "../export/fileName.ts";
import { phaseBoards, type PhaseBoard, type PhaseCut } from "./phaseBoards.ts";
import type { SharedPhase } from "./session.ts";

/** Reads the room's board as it was at `at` (server time) from the server's history. */
export function roomBoardAt(roomId: RoomId, token: string) {
  return async (at: number): Promise<Y.Doc> => {
    const url = `/api/rooms/${roomId}/history/${Math.floor(at)}?token=${encodeURIComponent(token)}`;
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
      throw new Error(typeof body?.error === "string" ? body.error : `HTTP ${response.status}`);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
    return doc;
  };
}

/** The board in `doc` as a PNG (2×, white background), as the report's end-of-board picture. */
export async function boardPng(doc: Y.Doc): Promise<Blob> {
  const { elements, files } = readScene(doc, { includeDeleted: false });
  return exportToBlob({
    elements: elements as unknown as NonDeletedExcalidrawElement[],
    files: files as unknown as BinaryFiles,
    appState: { exportBackground: true, viewBackgroundColor: "#ffffff", exportWithDarkMode: false },
    mimeType: "image/png",
    exportPadding: 16,
    getDimensions: (w: number, h: number) => ({ width: w * 2, height: h * 2, scale: 2 }),
  });
}

/** A phase picture's file name: "<title> report - 2 High-level design.png". */
export const phaseFileName = (reportBase: string, cut: PhaseCut) =>
  exportFileName(`${reportBase} - ${cut.index + 1} ${cut.label}`, "png");

/** Rebuilds each cut's board, counts its findings and keeps its PNG for {@link downloadPhasePictures}. */
export async function makePhaseBoards(
  cuts: readonly PhaseCut[],
  boardAt: (at: number) => Promise<Y.Doc>,
  reportBase: string,
): Promise<{ boards: PhaseBoard[]; pictures: Map<string, Blob> }> {
  const pictures = new Map<string, Blob>();
  const boards = await phaseBoards(
    cuts,
    boardAt,
    (cut) => phaseFileName(reportBase, cut),
    async (doc, _cut, file) => void pictures.set(file, await boardPng(doc)),
  );
  return { boards, pictures };
}

/** Downloads the phase pictures a shared report names, rebuilding each from the room's history. */
export async function downloadSharedPhases(phases: readonly SharedPhase[], boardAt: (at: number) => Promise<Y.Doc>) {
  for (const { at, file } of phases) {
    const doc = await boardAt(at);
    try {
      if (readScene(doc, { includeDeleted: false }).elements.length > 0) download(await boardPng(doc), file);
    } finally {
      doc.destroy();
    }
  }
}

/** Downloads pictures made by {@link makePhaseBoards}. */
export function downloadPhasePictures(pictures: ReadonlyMap<string, Blob>) {
  for (const [file, blob] of pictures) download(blob, file);
}
