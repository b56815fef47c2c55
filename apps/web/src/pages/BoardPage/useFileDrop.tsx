import { useState, type DragEvent } from "react";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { classifyDroppedFile, firstDroppedFile, isPictureOnly } from "../../import/droppedFile.ts";
import { insertSceneFile } from "../../import/insertSceneFile.ts";
import { nameDroppedImage } from "../../import/nameDroppedImage.ts";
import { dragHasFiles } from "../../import/openSceneFile.ts";
import { SceneDropDialog } from "../../import/SceneDropDialog.tsx";
import { toast } from "../../ui/toastStore.ts";

/** Drops handed back to the editor after reading the file; the capture handler lets them pass. */
const handedOn = new WeakSet<Event>();

/**
 * Replays a drop for the editor, which places a picture where it was dropped
 * (with its own size limits and downscaling), exactly as if we had not looked.
 */
function handToEditor(target: EventTarget, file: File, clientX: number, clientY: number) {
  const data = new DataTransfer();
  data.items.add(file);
  const replay = new DragEvent("drop", { bubbles: true, cancelable: true, clientX, clientY, dataTransfer: data });
  handedOn.add(replay);
  target.dispatchEvent(replay);
}

/**
 * Drop does what the file is. A picture (JPEG, WebP, GIF, or a PNG/SVG
 * without a scene) goes to the editor, which inserts it where dropped. A
 * board file opens as a new board, or, when this board has content, the user
 * picks between that and inserting its elements here. Anything else gets a
 * clear message. PNG and SVG are read first, because the editor would
 * otherwise replace this whole board with a scene embedded in them.
 */
export function useFileDrop(api: ExcalidrawImperativeAPI | null, openFile: (file: File) => Promise<void>) {
  const [active, setActive] = useState(false);
  const [pending, setPending] = useState<File | null>(null);

  const onDropCapture = (e: DragEvent) => {
    setActive(false);
    if (handedOn.has(e.nativeEvent)) return;
    const file = firstDroppedFile(e.dataTransfer);
    if (!file) return;
    if (isPictureOnly(file)) {
      // The editor inserts it; we only name it after its file.
      if (api) nameDroppedImage(api, file.name);
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    const { target, clientX, clientY } = e.nativeEvent;
    void classifyDroppedFile(file).then((dropped) => {
      if (dropped.kind === "picture") {
        if (api) nameDroppedImage(api, file.name);
        handToEditor(target ?? e.currentTarget, file, clientX, clientY);
      } else if (dropped.kind === "refused") toast(dropped.message, "error");
      else if (api && api.getSceneElements().length > 0) setPending(file);
      else void openFile(file);
    });
  };

  const insert = async (file: File) => {
    setPending(null);
    if (!api) return;
    try {
      const added = await insertSceneFile(api, file);
      toast(`Inserted ${added} element${added === 1 ? "" : "s"} from “${file.name}”.`);
    } catch (err) {
      toast((err as Error).message, "error");
    }
  };

  return {
    active,
    handlers: {
      onDragOverCapture: (e: DragEvent) => {
        if (dragHasFiles(e.dataTransfer) && !active) setActive(true);
      },
      onDragLeaveCapture: (e: DragEvent) => {
        if (e.relatedTarget === null) setActive(false);
      },
      onDropCapture,
    },
    dialog: pending && (
      <SceneDropDialog
        fileName={pending.name}
        onOpen={() => {
          setPending(null);
          void openFile(pending);
        }}
        onInsert={() => void insert(pending)}
        onClose={() => setPending(null)}
      />
    ),
  };
}
