import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, drawBox, newBoard, sceneElements } from "./support/fixtures.ts";
import { openThroughChooser } from "./support/files.ts";
import { corpusDir } from "./support/server.ts";

test("a corrupt file and a plain PNG are refused with a clear message, nothing changes", async ({ page }) => {
  await newBoard(page, "Keep me");
  await drawBox(page, 300, 300, 160, 80, "Cache");
  const before = await sceneElements(page);
  const boardUrl = page.url();

  // A screenshot is a real PNG, but it carries no scene.
  const screenshot = await page.screenshot();
  await page.getByTestId("main-menu-trigger").click();
  await openThroughChooser(page, page.getByRole("button", { name: /^Open file/ }), {
    name: "screenshot.png",
    buffer: screenshot,
    mimeType: "image/png",
  });
  await expect(page.getByRole("alert")).toContainText("“screenshot.png” is a PNG without a board in it");
  expect(page.url()).toBe(boardUrl);
  expect(await sceneElements(page)).toEqual(before);

  const real = readFileSync(resolve(corpusDir, "url-shortener-kuerzen.excalidraw"));
  await page.goto("/");
  await expect(page.getByTestId("board-card")).toHaveCount(1);
  await openThroughChooser(page, page.getByTestId("open-file"), {
    name: "shortener.excalidraw",
    buffer: real.subarray(0, Math.floor(real.length * 0.6)),
    mimeType: "application/json",
  });
  await expect(page.getByRole("alert").last()).toContainText("“shortener.excalidraw” is damaged");
  await expect(page.getByTestId("board-card")).toHaveCount(1);
  await expect(page).toHaveURL(/\/$/);

  await page.goto(boardUrl);
  await page.waitForFunction(() => window.archboard !== undefined);
  expect(await sceneElements(page)).toEqual(before);
});

const CORPUS_SAMPLES = [
  // old format without fractional indices
  { file: "tork-job-engine-arch.excalidraw", elements: 42 },
  // embedded images
  { file: "bigdata-stack-architecture.excalidraw", elements: 69 },
  // frames
  { file: "aws-notes-frames.excalidraw", elements: 72 },
];

for (const sample of CORPUS_SAMPLES) {
  test(`opens the real diagram ${sample.file} with every element`, async ({ page }) => {
    await page.goto("/");
    await openThroughChooser(page, page.getByTestId("open-file"), {
      name: sample.file,
      buffer: readFileSync(resolve(corpusDir, sample.file)),
      mimeType: "application/json",
    });
    await page.waitForURL(/\/b\//);
    await page.waitForFunction(() => window.archboard !== undefined);
    await expect.poll(async () => (await sceneElements(page)).length).toBe(sample.elements);
    await expect(page.getByRole("alert")).toHaveCount(0);
    // It rendered: the static canvas holds a drawing, not a blank page.
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>(".excalidraw canvas.static");
      const ctx = canvas?.getContext("2d");
      if (!canvas || !ctx) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4 * 7) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(500);
    // And it is stored: a reload shows the same board.
    await page.reload();
    await page.waitForFunction(() => window.archboard !== undefined);
    await expect.poll(async () => (await sceneElements(page)).length).toBe(sample.elements);
  });
}
