import type { Page } from "@playwright/test";
import { expect, test, drag, drawArrow, drawBox, newBoard, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { joinAs, shareBoard, startInterview } from "./support/collab.ts";
import { expectNoOwnViolations } from "./support/axe.ts";
import { downloadBytes, openThroughChooser } from "./support/files.ts";

const SHOTS = "tests/e2e/.artifacts/estimates";

/** Opens the side panel on the Estimates tab. */
async function openEstimates(page: Page) {
  const tab = page.getByTestId("panel-tab-estimates");
  if (!(await tab.isVisible())) await page.getByTitle("Diagram check, estimates and interview").click();
  await tab.click();
  await expect(page.getByTestId("estimates-panel")).toBeVisible();
}

const field = (page: Page, id: string) => page.getByTestId(`estimate-${id}`);
const figure = (page: Page, id: string) => page.locator(`[data-testid="estimate-figure"][data-figure="${id}"]`);

/** A client calling the API tier at the rate written on the arrow; returns the arrow's id. */
async function drawClientCallingApi(page: Page, rate: string): Promise<string> {
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 650, 300, 180, 80, "API Servers");
  await drawArrow(page, [460, 340], [650, 340]);
  await page.mouse.click(555, 340); // select the arrow
  await page.keyboard.press("Enter"); // and write its label
  await page.keyboard.type(rate);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  return (await sceneElements(page)).find((e) => e.type === "arrow")!.id;
}

/** The note's text on the board, or null when there is no note. */
const noteText = (page: Page) =>
  page.evaluate(() => {
    const text = window.archboard!.elements().find((e) => e.type === "text" && e.customData?.estimatesNote === true);
    return text && "originalText" in text ? text.originalText : null;
  });

test("a partner in the room sees the estimate as it is typed", async ({ page, browser, server }) => {
  test.slow(); // two browsers on a shared machine
  await newBoard(page, "Estimates live");
  const link = await shareBoard(page);
  const partner = await joinAs(browser, server.url, link, "Pat");
  try {
    await openEstimates(page);
    await openEstimates(partner);
    await field(page, "dau").fill("100M");
    await field(page, "readsPerUser").fill("10");
    // The classic: 1 B per day, ≈ 11.6 k/s, on both screens.
    for (const p of [page, partner]) {
      await expect(field(p, "dau")).toHaveValue("100M");
      await expect(figure(p, "readsPerDay")).toContainText("100 M × 10 = 1 B/day");
      await expect(figure(p, "avgReadQps")).toContainText("1 B/day / 86,400 s ≈ 11.6 k/s");
    }
    // The partner changes a figure; the first screen follows.
    await field(partner, "peakFactor").fill("5x");
    await expect(figure(page, "peakReadQps")).toContainText("≈ 57.9 k/s");

    // What cannot be read is said beside the field, and nothing else is lost.
    await field(page, "writeSize").fill("100B");
    await expect(page.getByTestId("estimate-writeSize-reading")).toHaveText(
      "“100B” reads as 100 billion: for bytes type 100 bytes, or use KB, MB, GB",
    );
    await expect(field(partner, "writeSize")).toHaveValue("100B");
    await expect(figure(page, "avgReadQps")).toBeVisible();
  } finally {
    await partner.context().close();
  }
});

test("in a mock interview the interviewer fills the estimate from the prompt and the candidate sees it", async ({
  page,
  browser,
  server,
}) => {
  test.slow(); // two browsers on a shared machine
  const links = await startInterview(page);
  await page.getByLabel("Choose a prompt").selectOption("url-shortener");
  await openEstimates(page);
  await page.getByTestId("estimate-prefill").click();
  await expect(field(page, "dau")).toHaveValue("100M DAU");
  await expect(field(page, "writesPerUser")).toHaveValue("0.1");
  const candidate = await joinAs(browser, server.url, links.candidate, "Cai");
  try {
    await openEstimates(candidate);
    await expect(field(candidate, "readsPerUser")).toHaveValue("10");
    // 100M × 10.1 a day ×3 at peak: the prompt's 35k QPS.
    await expect(figure(candidate, "peakQps")).toContainText("≈ 35.1 k/s");
    await expect(figure(candidate, "storageRetained")).toContainText("≈ 54.8 TB");
    // Only the interviewer is offered the prompt's hints.
    await expect(candidate.getByTestId("estimate-prefill")).toHaveCount(0);
  } finally {
    await candidate.context().close();
  }
});

test("where the diagram disagrees with the estimate is shown beside it, and a click selects the arrow", async ({
  page,
}) => {
  test.slow(); // drawing, then an estimate typed key by key
  await newBoard(page, "Estimates against the diagram");
  const arrowId = await drawClientCallingApi(page, "1M QPS");
  await openEstimates(page);
  // Nothing to hold the diagram to yet.
  await expect(page.getByTestId("estimate-findings")).toHaveCount(0);

  await field(page, "dau").fill("100M");
  await field(page, "readsPerUser").fill("10");
  const mismatch = page.getByTestId("estimate-findings").locator('[data-testid="lint-finding"][data-rule="SD019"]');
  await expect(mismatch).toContainText("“1M QPS” from “Client” to “API Servers” is");
  await expect(mismatch).toContainText("(34.7 k/s)");
  await page.mouse.click(1000, 700); // clear the selection first
  await mismatch.locator(".ab-finding__main").click();
  await expect
    .poll(() => page.evaluate(() => Object.keys(window.archboard!.appState().selectedElementIds)))
    .toEqual([arrowId]);

  // Thirty times the users: now the arrow's million a second is within reach of the estimate.
  await field(page, "dau").fill("3B");
  await expect(figure(page, "peakReadQps")).toContainText("≈ 1.04 M/s");
  await expect(mismatch).toHaveCount(0);
  await expect(page.getByTestId("estimate-findings-clean")).toBeVisible();
});

test("the note on the board follows the panel, one undo step per change, and can be deleted", async ({ page }) => {
  await newBoard(page, "Estimates note");
  await openEstimates(page);
  await field(page, "dau").fill("100M");
  await field(page, "writesPerUser").fill("2");
  await field(page, "readsPerUser").fill("20");
  await field(page, "writeSize").fill("1 KB");
  await page.getByTestId("estimate-put-on-board").click();
  await expect.poll(() => noteText(page)).toContain("Peak 76.4 k/s: reads 69.4 k/s, writes 6.94 k/s");
  await expect(page.getByTestId("estimate-note-linked")).toBeVisible();
  await expect.poll(() => noteText(page)).toContain("Storage 200 GB/day, 73 TB/year");

  // Change an input: the note changes once the typing pauses.
  await field(page, "readsPerUser").fill("40");
  await field(page, "readsPerUser").press("Enter");
  await expect.poll(() => noteText(page)).toContain("100 M DAU × 40 reads, 2 writes a day");
  // One Ctrl+Z takes the note back a step (the panel keeps what was typed). Keys go to the
  // board: the field gave up focus on Enter, and no click (a selection change, itself an
  // undo step in Excalidraw) comes in between.
  await page.keyboard.press("Control+z");
  await expect.poll(() => noteText(page)).toContain("100 M DAU × 20 reads, 2 writes a day");
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => noteText(page)).toContain("× 40 reads");

  // Deleting the note leaves the panel as it was, ready to put it back.
  // Drag a selection around the whole note and delete it, as a person would.
  const box = await page.evaluate(() => {
    const { scrollX, scrollY, zoom, offsetLeft, offsetTop } = window.archboard!.appState();
    const f = window.archboard!.elements().find((e) => e.type === "frame" && e.customData?.estimatesNote === true)!;
    const x = (sx: number) => offsetLeft + (sx + scrollX) * zoom.value,
      y = (sy: number) => offsetTop + (sy + scrollY) * zoom.value;
    return { left: x(f.x) - 30, top: y(f.y) - 40, right: x(f.x + f.width) + 30, bottom: y(f.y + f.height) + 30 };
  });
  await drag(page, [box.left, box.top], [box.right, box.bottom]);
  // Excalidraw deletes a frame first and leaves its contents selected; a second Delete takes them.
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("estimate-put-on-board")).toBeVisible();
  await page.keyboard.press("Delete");
  await expect.poll(() => noteText(page)).toBeNull();
  await expect(field(page, "readsPerUser")).toHaveValue("40");
  await expect(page.getByTestId("estimate-put-on-board")).toBeVisible();
});

test("the estimate travels in an exported PNG and comes back when it is opened", async ({ page }) => {
  await newBoard(page, "Estimates file");
  await openEstimates(page);
  await field(page, "dau").fill("20M DAU");
  await field(page, "actionsPerUser").fill("100");
  await field(page, "peakFactor").fill("4x");
  // Something to draw: an export needs an element.
  await page.getByTestId("estimate-put-on-board").click();
  await expect.poll(() => noteText(page)).not.toBeNull();

  await page.getByRole("button", { name: "Export", exact: true }).click();
  const dialog = page.getByTestId("export-dialog");
  await dialog.getByRole("radio", { name: "PNG", exact: true }).click();
  await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Download" }).click();
  const png = await downloadBytes(await download);

  await page.goto("/");
  await openThroughChooser(page, page.getByTestId("open-file"), {
    name: "Estimates file.png",
    buffer: png,
    mimeType: "image/png",
  });
  await waitForEditor(page);
  await openEstimates(page);
  await expect(field(page, "dau")).toHaveValue("20M DAU");
  await expect(field(page, "actionsPerUser")).toHaveValue("100");
  await expect(figure(page, "peakQps")).toContainText("≈ 92.6 k/s");
});

for (const theme of ["light", "dark"] as const) {
  test(`the panel in the ${theme} theme, readable and accessible`, async ({ page }) => {
    // Drawing, the shots and an axe audit of the whole board, on a machine others share.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: theme });
    await newBoard(page, "Estimates look");
    await drawClientCallingApi(page, "1M QPS");
    await openEstimates(page);
    await field(page, "dau").fill("100M");
    await field(page, "writesPerUser").fill("2");
    await field(page, "readsPerUser").fill("20");
    await field(page, "writeSize").fill("1KB");
    await field(page, "retention").fill("5 years");
    await field(page, "serverQps").fill("lots");
    await expect(page.getByTestId("estimate-serverQps-reading")).toContainText("No number");
    await expect(figure(page, "storageRetained")).toContainText("1.1 PB");
    await expect(
      page.getByTestId("estimate-findings").locator('[data-testid="lint-finding"][data-rule="SD019"]'),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/board-${theme}.png` });
    // Tall enough for the whole panel, inputs to findings, shot in two halves that each
    // show in full detail.
    await page.setViewportSize({ width: 1440, height: 2400 });
    const box = (await page.getByTestId("estimates-panel").boundingBox())!;
    const half = Math.ceil(box.height / 2);
    for (const [i, y] of [box.y, box.y + half].entries()) {
      await page.screenshot({ path: `${SHOTS}/panel-${theme}-${i + 1}.png`, clip: { ...box, y, height: half } });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expectNoOwnViolations(page, `the Estimates panel (${theme})`);
  });
}
