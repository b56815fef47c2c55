/**
 * Records a time-lapse of a board's history as a WebM video, in the browser:
 * each frame is the board rebuilt at that moment, rendered by Excalidraw's
 * `exportToCanvas` into a canvas of fixed size with the time and the
 * interview clock drawn over it, and captured with `canvas.captureStream` and
 * `MediaRecorder`. The recorder is paused while a frame renders and runs for
 * exactly one frame's time after, so the video's pace does not depend on how
 * fast this machine renders.
 */
import { exportToCanvas, getCommonBounds } from "@excalidraw/excalidraw";
import type { NonDeletedExcalidrawElement } from "@excalidraw/excalidraw/element/types";
import type { BinaryFiles } from "@excalidraw/excalidraw/types";
import type { HistoryEntry } from "@archboard/board-sync/history";
import { elementFactory } from "@archboard/scene";
import { ReplayCursor, type ReplayMoment } from "./replayCursor.ts";
import { planTimelapse, type TimelapseOptions } from "./timelapsePlan.ts";
import { drawOverlay, OVERLAY_HEIGHT } from "./timelapseOverlay.ts";

export interface VideoOptions extends TimelapseOptions {
  width?: number;
  height?: number;
  /** Called after each frame with the share done (0–1). */
  onProgress?: (done: number) => void;
  /** Aborting stops the recording and rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** What a finished recording gives. */
export interface TimelapseVideo {
  readonly blob: Blob;
  readonly frames: number;
  /** Wall time the recording took (ms). */
  readonly renderMs: number;
}

const MARGIN = 24;

/** The WebM codec this browser records (VP9 where it can, else VP8). */
export function webmType(): string {
  if (typeof MediaRecorder === "undefined") throw new Error("This browser cannot record video.");
  const type = ["video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"].find((t) =>
    MediaRecorder.isTypeSupported(t),
  );
  if (!type) throw new Error("This browser cannot record WebM video.");
  return type;
}

const aborted = () => new DOMException("The time-lapse was cancelled.", "AbortError");
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The area of the board every frame shows: everything the board ever held by
 * the end (deleted elements keep their last place), so the view never jumps.
 */
function viewport(entries: readonly HistoryEntry[]): [number, number, number, number] | null {
  const cursor = new ReplayCursor(entries, () => 0);
  try {
    const end = entries.at(-1)?.at ?? 0;
    cursor.seek(end);
    const elements = cursor.moment(end).elements as unknown as NonDeletedExcalidrawElement[];
    if (elements.length === 0) return null;
    const [minX, minY, maxX, maxY] = getCommonBounds(elements);
    return [minX, minY, maxX, maxY];
  } finally {
    cursor.destroy();
  }
}

/**
 * Two invisible one-pixel marks at the viewport's corners, added to every
 * frame: Excalidraw's export fits the elements it is given, so with the marks
 * every frame has the same bounds and the drawing stays in place.
 */
function cornerMarks([minX, minY, maxX, maxY]: [number, number, number, number]) {
  const make = elementFactory();
  const mark = (x: number, y: number) =>
    make.rectangle(
      { x, y, width: 1, height: 1 },
      { opacity: 0, strokeColor: "transparent", backgroundColor: "transparent" },
    ) as unknown as NonDeletedExcalidrawElement;
  return [mark(minX, minY), mark(maxX - 1, maxY - 1)];
}

/** Renders the board of `moment` to fit the area below the overlay of `ctx`'s canvas. */
async function drawBoard(
  ctx: CanvasRenderingContext2D,
  moment: ReplayMoment,
  marks: NonDeletedExcalidrawElement[],
  view: [number, number, number, number],
) {
  const { width, height } = ctx.canvas;
  const areaW = width - 2 * MARGIN;
  const areaH = height - OVERLAY_HEIGHT - 2 * MARGIN;
  const scale = Math.min(2, areaW / Math.max(1, view[2] - view[0]), areaH / Math.max(1, view[3] - view[1]));
  const elements = moment.elements.filter((e) => e.isDeleted !== true) as unknown as NonDeletedExcalidrawElement[];
  const board = await exportToCanvas({
    elements: [...marks, ...elements],
    files: moment.files as unknown as BinaryFiles,
    appState: { exportBackground: true, viewBackgroundColor: "#ffffff", exportWithDarkMode: false },
    exportPadding: 0,
    getDimensions: (w: number, h: number) => ({ width: Math.round(w * scale), height: Math.round(h * scale), scale }),
  });
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, OVERLAY_HEIGHT, width, height - OVERLAY_HEIGHT);
  ctx.drawImage(board, (width - board.width) / 2, OVERLAY_HEIGHT + (height - OVERLAY_HEIGHT - board.height) / 2);
}

/** Records the time-lapse of `entries` (a board's history, in stored order). */
export async function recordTimelapse(
  entries: readonly HistoryEntry[],
  options: VideoOptions = {},
): Promise<TimelapseVideo> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const type = webmType();
  const cursor = new ReplayCursor(entries, () => 0);
  const plan = planTimelapse(cursor.times, options);
  const view = viewport(entries) ?? [0, 0, 800, 450];
  const marks = cornerMarks(view);
  const canvas = document.createElement("canvas");
  canvas.width = options.width ?? 1280;
  canvas.height = options.height ?? 720;
  // Opaque: Chromium then records no alpha channel, which keeps the file simple and small.
  const ctx = canvas.getContext("2d", { alpha: false });
  if (!ctx) throw new Error("This browser cannot draw the video frames.");
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 2_500_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  const frameMs = 1000 / plan.fps;
  let shownIndex = Number.NaN;
  try {
    recorder.start();
    for (let i = 0; i < plan.frames.length; i++) {
      if (signal?.aborted) throw aborted();
      const at = plan.frames[i] as number;
      recorder.pause();
      cursor.seek(at);
      const moment = cursor.moment(at);
      // Between changes only the overlay moves: the board drawn last still holds.
      if (moment.index !== shownIndex) await drawBoard(ctx, moment, marks, view);
      shownIndex = moment.index;
      drawOverlay(ctx, moment, plan.speed);
      recorder.resume();
      track.requestFrame();
      await wait(frameMs);
      onProgress?.((i + 1) / plan.frames.length);
    }
    recorder.stop();
    await stopped;
    if (signal?.aborted) throw aborted();
    return {
      blob: new Blob(chunks, { type: "video/webm" }),
      frames: plan.frames.length,
      renderMs: performance.now() - started,
    };
  } finally {
    if (recorder.state !== "inactive") recorder.stop();
    track.stop();
    cursor.destroy();
  }
}
