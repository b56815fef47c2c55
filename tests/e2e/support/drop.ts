import type { Page } from "@playwright/test";

/** A file as a test builds it: bytes from Node, or a picture drawn in the page. */
export interface DropFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Drops a file on the page at viewport point (x, y), as a drag from the
 * desktop does: dragenter and dragover, then drop, on the element there.
 */
export async function dropFile(page: Page, file: DropFile, x: number, y: number) {
  await page.evaluate(
    ({ name, mimeType, base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: mimeType }));
      const target = document.elementFromPoint(x, y)!;
      for (const type of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, dataTransfer: data }),
        );
      }
    },
    { name: file.name, mimeType: file.mimeType, base64: file.buffer.toString("base64"), x, y },
  );
}

/** A small picture (a coloured square with a stripe), encoded by the browser; no scene in it. */
export async function drawnPicture(page: Page, mimeType: "image/png" | "image/jpeg", name: string): Promise<DropFile> {
  const base64 = await page.evaluate(async (type) => {
    const canvas = new OffscreenCanvas(120, 80);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#1971c2";
    ctx.fillRect(0, 0, 120, 80);
    ctx.fillStyle = "#ffd43b";
    ctx.fillRect(0, 30, 120, 20);
    const blob = await canvas.convertToBlob({ type });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, mimeType);
  return { name, mimeType, buffer: Buffer.from(base64, "base64") };
}

/** Scene-space bounds of the open board's image elements. */
export async function imageElements(page: Page) {
  return page.evaluate(() =>
    (window.archboard?.elements() ?? [])
      .filter((e) => e.type === "image")
      .map((e) => ({
        id: e.id,
        x: e.x,
        y: e.y,
        width: e.width,
        height: e.height,
        fileId: (e as { fileId?: string }).fileId ?? null,
        customData: e.customData as { fileName?: string } | undefined,
      })),
  );
}

/** The scene point under viewport point (x, y) of the open board. */
export async function scenePoint(page: Page, x: number, y: number) {
  return page.evaluate(
    ({ x, y }) => {
      const s = window.archboard!.appState();
      return { x: (x - s.offsetLeft) / s.zoom.value - s.scrollX, y: (y - s.offsetTop) / s.zoom.value - s.scrollY };
    },
    { x, y },
  );
}
