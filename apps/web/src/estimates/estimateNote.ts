/**
 * "Put on the board": the estimate as a compact note, a text block inside a frame named
 * "Estimates". Both carry `customData.estimatesNote`, which is the whole link: the panel
 * finds the note by it, so deleting the note (or undoing its creation) simply unlinks
 * it, and undoing that deletion links it again. Changing an input rewrites the note in
 * one `updateScene` with `IMMEDIATELY`: one Ctrl+Z takes the change back.
 */
import { CaptureUpdateAction, convertToExcalidrawElements, newElementWith } from "@excalidraw/excalidraw";
import type {
  ExcalidrawElement,
  ExcalidrawFrameElement,
  ExcalidrawTextElement,
} from "@excalidraw/excalidraw/element/types";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { NOTE_TITLE, noteLines, type Estimate } from "@archboard/estimates";
import { DEFAULT_FONT_FAMILY } from "@archboard/scene";
import { insertAtFreeSpot } from "../templates/insertion.ts";
import { loadFontsFor } from "../measure/realFont.ts";

/** The mark on the note's frame and text. */
export const NOTE_MARK = "estimatesNote";
/** Notes and legends are not components: the diagram check leaves them out (SD015). */
const CUSTOM_DATA = { [NOTE_MARK]: true, lint: { role: "note" } };
const FONT_SIZE = 16;
const PADDING = 20;

const isMarked = (e: ExcalidrawElement) => !e.isDeleted && e.customData?.[NOTE_MARK] === true;

/** The note on the board, if there is one (the first, should a copy have been pasted). */
export function findNote(
  elements: readonly ExcalidrawElement[],
): { frame: ExcalidrawFrameElement; text: ExcalidrawTextElement } | null {
  const frame = elements.find((e): e is ExcalidrawFrameElement => e.type === "frame" && isMarked(e));
  if (!frame) return null;
  const text = elements.find(
    (e): e is ExcalidrawTextElement => e.type === "text" && isMarked(e) && e.frameId === frame.id,
  );
  return text ? { frame, text } : null;
}

/** The note's body: its lines, or a line saying there is nothing yet. */
export function noteBody(estimate: Estimate): string {
  const lines = noteLines(estimate);
  return lines.length > 0 ? lines.join("\n") : "No figures yet: fill in the Estimates panel.";
}

/** A text block in a frame, measured by Excalidraw with the real font, at (x, y). */
function build(
  body: string,
  x: number,
  y: number,
  ids?: { frame: string; text: string },
): { frame: ExcalidrawFrameElement; text: ExcalidrawTextElement } {
  const textId = ids?.text ?? `estimates-text-${crypto.randomUUID()}`;
  const frameId = ids?.frame ?? `estimates-frame-${crypto.randomUUID()}`;
  const converted = convertToExcalidrawElements(
    [
      {
        type: "text",
        id: textId,
        x: x + PADDING,
        y: y + PADDING,
        text: body,
        fontSize: FONT_SIZE,
        // Excalifont, the hand-drawn default, so the note looks written on the board.
        fontFamily: DEFAULT_FONT_FAMILY,
        customData: CUSTOM_DATA,
      },
      { type: "frame", id: frameId, name: NOTE_TITLE, children: [textId], customData: CUSTOM_DATA },
    ],
    { regenerateIds: false },
  );
  const text = converted.find((e) => e.id === textId) as ExcalidrawTextElement;
  const frame = converted.find((e) => e.id === frameId) as ExcalidrawFrameElement;
  // The frame wraps the text with even padding, whatever padding the converter chose.
  return { text, frame: { ...frame, x, y, width: text.width + 2 * PADDING, height: text.height + 2 * PADDING } };
}

/**
 * Text is measured with the font it will be drawn in; on a board with no text yet the
 * editor has not loaded Excalifont, and a fallback font measures narrower (the frame
 * would then clip the note).
 */
const fontReady = (body: string) => loadFontsFor([{ text: body, fontFamily: DEFAULT_FONT_FAMILY }]);

/** Places a new note at a clear spot near the middle of the view, selected, as one undoable step. */
export async function putNoteOnBoard(api: ExcalidrawImperativeAPI, estimate: Estimate): Promise<void> {
  const body = noteBody(estimate);
  await fontReady(body);
  const { frame, text } = build(body, 0, 0);
  // Frames come before their children in the scene order.
  insertAtFreeSpot(api, [frame, text]);
}

/**
 * Rewrites the note on the board for a changed estimate, keeping its place and ids; one
 * undoable step. Returns false when there is no note, or it already says this.
 */
export async function updateNote(api: ExcalidrawImperativeAPI, estimate: Estimate): Promise<boolean> {
  const body = noteBody(estimate);
  const before = findNote(api.getSceneElementsIncludingDeleted());
  if (!before || before.text.originalText === body) return false;
  await fontReady(body);
  // Read again after the wait: the scene may have moved on.
  const elements = api.getSceneElementsIncludingDeleted();
  const note = findNote(elements);
  if (!note) return false;
  const measured = build(body, note.frame.x, note.frame.y, { frame: note.frame.id, text: note.text.id });
  const text = newElementWith(note.text, {
    text: measured.text.text,
    originalText: body,
    width: measured.text.width,
    height: measured.text.height,
  });
  const frame = newElementWith(note.frame, { width: measured.frame.width, height: measured.frame.height });
  api.updateScene({
    elements: elements.map((e) => (e.id === text.id ? text : e.id === frame.id ? frame : e)),
    captureUpdate: CaptureUpdateAction.IMMEDIATELY,
  });
  return true;
}
