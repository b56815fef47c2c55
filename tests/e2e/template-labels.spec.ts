import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { glyphsExcalifontLacks, measureText } from "@archboard/scene";
import { templates } from "@archboard/templates";
import { expect, test, drawBox, newBoard } from "./support/fixtures.ts";
import { downloadBytes } from "./support/files.ts";
import { overlaps, readLabels, spanAlong, type Reading } from "./support/labels.ts";

/**
 * What the app generates looks finished: every label has the size Excalidraw measures
 * for it in the real font (so the arrow line is cut exactly around it), sits on its
 * arrow clear of the arrowhead, and covers no box and no other label.
 */

const artifact = (name: string) => resolve(import.meta.dirname, ".artifacts", name);
const picker = (page: Page) => page.getByTestId("template-picker");
/** An empty bit of canvas between the menu button and the toolbar: clicking it clears the selection. */
const deselect = (page: Page) => page.mouse.click(150, 40);
/** Excalidraw's arrowhead reaches 24 px back along the shaft (25 px sides at 20°); a little line shows past it. */
const ARROWHEAD = 32;
/** How far a stored size may be from Excalidraw's measurement. */
const TOLERANCE = 2;

/** Everything wrong with the labels on the board, as readable lines (empty when all is well). */
function labelProblems(r: Reading, layout: boolean): string[] {
  const problems: string[] = [];
  const arrows = new Map(r.arrows.map((a) => [a.id, a]));
  for (const l of r.labels) {
    const name = JSON.stringify(l.text);
    const dw = l.rect.width - l.measured.width,
      dh = l.rect.height - l.measured.height;
    if (Math.abs(dw) > TOLERANCE || Math.abs(dh) > TOLERANCE)
      problems.push(
        `${name} stored ${l.rect.width.toFixed(1)}×${l.rect.height.toFixed(1)}, measured ${l.measured.width.toFixed(1)}×${l.measured.height.toFixed(1)}`,
      );
    // Without a DOM only Excalifont's own glyphs are known; the rest come from the system's fonts.
    const table = measureText(l.text, l.fontSize);
    if (glyphsExcalifontLacks(l.text).length === 0 && Math.abs(table.width - l.measured.width) > TOLERANCE)
      problems.push(
        `${name}: Excalifont table says ${table.width.toFixed(1)} wide, the browser ${l.measured.width.toFixed(1)}`,
      );
    if (!layout) continue;
    const arrow = l.containerId ? arrows.get(l.containerId) : undefined;
    if (arrow) {
      const s = spanAlong(l.rect, arrow);
      if (s.from < 0 || s.to > s.length - ARROWHEAD)
        problems.push(
          `${name} runs off its arrow or into its head: ${s.from.toFixed(0)}–${s.to.toFixed(0)} of ${s.length.toFixed(0)}`,
        );
    }
    for (const b of r.boxes)
      if (b.id !== l.containerId && overlaps(l.rect, b.rect)) problems.push(`${name} covers box ${b.id}`);
    for (const o of r.labels)
      if (o.id < l.id && overlaps(l.rect, o.rect)) problems.push(`${name} covers ${JSON.stringify(o.text)}`);
  }
  return problems;
}

async function insertFromPicker(page: Page, id: string) {
  await page.getByTestId("open-templates").click();
  const card = picker(page).locator(`[data-template="${id}"]`);
  await card.scrollIntoViewIfNeeded();
  await card.click();
  await expect(picker(page)).toHaveCount(0);
}

async function exportPng(page: Page): Promise<Buffer> {
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByTestId("export-dialog");
  await dialog.getByRole("radio", { name: "PNG", exact: true }).click();
  await dialog.getByRole("radio", { name: "2×" }).click();
  await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const png = await downloadBytes(await download);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  return png;
}

async function clearBoard(page: Page) {
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await expect.poll(() => page.evaluate(() => window.archboard!.elements().length)).toBe(0);
}

test("every template and starter: labels measured in the real font, on their arrows, clear of boxes and each other; exports look right", async ({
  page,
}) => {
  test.setTimeout(600_000);
  await newBoard(page, "Labels");
  const measured: { text: string; fontSize: number; width: number }[] = [];
  for (const t of templates.filter((x) => x.category !== "building-block")) {
    await insertFromPicker(page, t.id);
    const reading = await readLabels(page);
    expect(reading.labels.length, t.id).toBeGreaterThan(3);
    expect(labelProblems(reading, true), t.id).toEqual([]);
    measured.push(...reading.labels.map((l) => ({ text: l.text, fontSize: l.fontSize, width: l.measured.width })));
    await deselect(page);
    const png = await exportPng(page);
    writeFileSync(artifact(`export-${t.id}.png`), png);
    if (t.id === "standard-architecture")
      expect(png).toMatchSnapshot("standard-architecture-export.png", { maxDiffPixelRatio: 0.02 });
    await clearBoard(page);
  }
  // For comparing text measures offline: every label with the width the browser gives it.
  writeFileSync(artifact("label-widths.json"), JSON.stringify(measured, null, 1));
});

test("building blocks attach with labels measured in the real font and clear of each other", async ({ page }) => {
  test.setTimeout(240_000);
  await newBoard(page, "Blocks");
  const anchors: Record<string, string> = {
    "block-add-cache": "Database",
    "block-add-read-replicas": "Database",
    "block-add-queue-workers": "API Servers",
  };
  for (const [block, label] of Object.entries(anchors)) {
    await drawBox(page, 640, 420, 180, 90, label);
    await page.mouse.click(730, 422); // select the box by its edge
    await page.locator(`[data-testid="block-button"][data-template="${block}"]`).click();
    await expect.poll(async () => (await readLabels(page)).arrows.length).toBeGreaterThan(0);
    expect(labelProblems(await readLabels(page), true), block).toEqual([]);
    await deselect(page);
    await page.screenshot({ path: artifact(`labels-${block}.png`) });
    await clearBoard(page);
  }
});

test("a library component carries a label measured in the real font", async ({ page }) => {
  test.setTimeout(240_000);
  await newBoard(page, "Library labels");
  await page.locator(".default-sidebar-trigger").click();
  const units = page.locator(".library-unit__active");
  await expect(units).toHaveCount(14);
  await units.nth(4).locator(".library-unit__dragger").click(); // the load balancer: the longest label
  await expect.poll(async () => (await readLabels(page)).labels.map((l) => l.text)).toEqual(["Load Balancer"]);
  expect(labelProblems(await readLabels(page), true)).toEqual([]);
});
