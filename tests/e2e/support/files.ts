import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk, or null when it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature) return null;
  if (bytes.subarray(12, 16).toString("latin1") !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Reads a finished download's bytes. */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** Opens a file through a page's "Open" button and the browser's file chooser. */
export async function openThroughChooser(
  page: Page,
  button: ReturnType<Page["getByRole"]>,
  file: { name: string; buffer: Buffer; mimeType: string },
) {
  const chooser = page.waitForEvent("filechooser");
  await button.click();
  await (await chooser).setFiles(file);
}
