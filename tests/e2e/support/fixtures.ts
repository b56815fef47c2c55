import { test as base, expect, type Page } from "@playwright/test";
import { removeDir, startServer, type RunningServer } from "./server.ts";

/**
 * `server`: one real server per worker on an ephemeral port; every test gets
 * a fresh browser context (so a fresh IndexedDB) pointed at it.
 * `requests`: every URL the page asked for, to check it stays on its origin.
 */
export const test = base.extend<{ requests: string[] }, { server: RunningServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.stop();
      removeDir(server.dataDir);
    },
    { scope: "worker" },
  ],
  baseURL: async ({ server }, use) => use(server.url),
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await use(urls);
  },
});
export { expect };

/** Live (not deleted) elements of the open board, as plain data. */
export async function sceneElements(page: Page) {
  return page.evaluate(() =>
    (window.archboard?.elements() ?? []).map((e) => ({
      id: e.id,
      type: e.type,
      version: e.version,
      text: "text" in e ? e.text : undefined,
      containerId: "containerId" in e ? e.containerId : null,
      startId: "startBinding" in e ? ((e.startBinding as { elementId: string } | null)?.elementId ?? null) : null,
      endId: "endBinding" in e ? ((e.endBinding as { elementId: string } | null)?.elementId ?? null) : null,
    })),
  );
}

/** Creates a board from the home page and waits for the editor. */
export async function newBoard(page: Page, title?: string) {
  await page.goto("/");
  await page.getByTestId("new-board").click();
  await waitForEditor(page);
  if (title) {
    const input = page.getByTestId("board-title");
    await input.fill(title);
    await input.press("Enter");
  }
}

export async function waitForEditor(page: Page, url: RegExp = /\/(b|r)\//) {
  await page.waitForURL(url);
  await page.locator(".excalidraw canvas.interactive").waitFor();
  await page.waitForFunction(() => window.archboard !== undefined);
}

/** Drags with the mouse in steps, the way a person draws. */
export async function drag(page: Page, from: [number, number], to: [number, number]) {
  await page.mouse.move(from[0], from[1]);
  await page.mouse.down();
  await page.mouse.move((from[0] + to[0]) / 2, (from[1] + to[1]) / 2, { steps: 5 });
  await page.mouse.move(to[0], to[1], { steps: 5 });
  await page.mouse.up();
}

/**
 * Draws a rectangle with the rectangle tool and types a label into it.
 * Keep x ≥ 260: while a drawing tool is active its style panel covers the left edge.
 */
export async function drawBox(page: Page, x: number, y: number, w: number, h: number, label?: string) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await drag(page, [x, y], [x + w, y + h]);
  if (label) {
    await page.keyboard.press("Enter"); // Enter on a selected shape starts editing its label
    await page.keyboard.type(label);
    await page.keyboard.press("Escape");
  }
  await page.keyboard.press("Escape");
}

/** Draws an arrow between two points (binding to the shapes under them). */
export async function drawArrow(page: Page, from: [number, number], to: [number, number]) {
  await page.keyboard.press("a");
  await drag(page, from, to);
  await page.keyboard.press("Escape");
}
