import { expect, test, drawArrow, drawBox, newBoard, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { downloadBytes, openThroughChooser, pngSize } from "./support/files.ts";
import type { Page } from "@playwright/test";

const comparable = (els: Awaited<ReturnType<typeof sceneElements>>) =>
  els
    .map((e) => ({ id: e.id, type: e.type, text: e.text, containerId: e.containerId }))
    .sort((a, b) => a.id.localeCompare(b.id));

async function drawSample(page: Page) {
  await newBoard(page, "Feed: v2/draft");
  await drawBox(page, 250, 300, 180, 90, "Client");
  await drawBox(page, 650, 300, 180, 90, "API Servers");
  await drawArrow(page, [430, 345], [650, 345]);
  return sceneElements(page);
}

async function exportAs(page: Page, format: "PNG" | "SVG" | ".excalidraw", setup?: () => Promise<void>) {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByTestId("export-dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("radio", { name: format, exact: true }).click();
  await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
  await setup?.();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  return download;
}

async function reopen(page: Page, name: string, buffer: Buffer, mimeType: string) {
  await page.goto("/");
  await openThroughChooser(page, page.getByTestId("open-file"), { name, buffer, mimeType });
  await waitForEditor(page);
  return sceneElements(page);
}

test("PNG export embeds the scene and opens again as the same board", async ({ page }) => {
  const drawn = await drawSample(page);
  const download = await exportAs(page, "PNG", async () => {
    await page.getByTestId("export-dialog").getByRole("radio", { name: "3×" }).click();
  });
  expect(download.suggestedFilename()).toBe("Feed- v2-draft.png");
  const png = await downloadBytes(download);
  const size = pngSize(png);
  expect(size).not.toBeNull();
  // Two 180 px boxes 220 px apart at 3×: the image is wide, not a thumbnail.
  expect(size!.width).toBeGreaterThan(3 * 560);
  expect(size!.height).toBeGreaterThan(3 * 80);
  expect(png.length).toBeGreaterThan(10_000);

  const reopened = await reopen(page, download.suggestedFilename(), png, "image/png");
  expect(comparable(reopened)).toEqual(comparable(drawn));
  await expect(page.getByTestId("board-title")).toHaveValue("Feed- v2-draft");
});

test(".excalidraw export round-trips, SVG export is a real SVG", async ({ page }) => {
  const drawn = await drawSample(page);
  const json = await exportAs(page, ".excalidraw");
  expect(json.suggestedFilename()).toBe("Feed- v2-draft.excalidraw");
  const bytes = await downloadBytes(json);
  const scene = JSON.parse(bytes.toString("utf8")) as { type: string; elements: unknown[] };
  expect(scene.type).toBe("excalidraw");
  expect(scene.elements).toHaveLength(drawn.length);

  const svg = await exportAs(page, "SVG");
  expect(svg.suggestedFilename()).toBe("Feed- v2-draft.svg");
  const svgText = (await downloadBytes(svg)).toString("utf8");
  expect(svgText.startsWith("<svg")).toBe(true);
  expect(svgText).toContain("API Servers");

  const reopened = await reopen(page, json.suggestedFilename(), bytes, "application/json");
  expect(comparable(reopened)).toEqual(comparable(drawn));
});

test("exporting the selection only exports the selected box and its label", async ({ page }) => {
  await drawSample(page);
  // Select the "Client" box by clicking its edge.
  await page.mouse.click(250, 330);
  const download = await exportAs(page, ".excalidraw", async () => {
    await page.getByTestId("export-dialog").getByRole("radio", { name: "Selection" }).click();
  });
  expect(download.suggestedFilename()).toBe("Feed- v2-draft (selection).excalidraw");
  const scene = JSON.parse((await downloadBytes(download)).toString("utf8")) as {
    elements: Array<{ type: string; text?: string }>;
  };
  expect(scene.elements.map((e) => e.type).sort()).toEqual(["rectangle", "text"]);
  expect(scene.elements.find((e) => e.type === "text")?.text).toBe("Client");
});
