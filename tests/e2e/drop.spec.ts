import { expect, test, drawArrow, drawBox, newBoard, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { joinAs, shareBoard } from "./support/collab.ts";
import { downloadBytes } from "./support/files.ts";
import { drawnPicture, dropFile, imageElements, scenePoint } from "./support/drop.ts";

// Drawing, two browsers and a live room take their time on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("a dropped picture lands where it was dropped, and on the partner's canvas in a live room", async ({
  page,
  browser,
  server,
}) => {
  await newBoard(page, "Logos");
  await drawBox(page, 300, 300, 160, 80, "Gateway");
  const link = await shareBoard(page);
  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    const logo = await drawnPicture(page, "image/png", "logo.png");
    const at = await scenePoint(page, 800, 450);
    await dropFile(page, logo, 800, 450);

    await expect.poll(async () => (await imageElements(page)).length).toBe(1);
    // The editor places the element first and links its file once it has read it.
    await expect.poll(async () => (await imageElements(page))[0]?.fileId ?? null).not.toBeNull();
    const [image] = await imageElements(page);
    expect(image!.x).toBeLessThanOrEqual(at.x);
    expect(image!.x + image!.width).toBeGreaterThanOrEqual(at.x);
    expect(image!.y).toBeLessThanOrEqual(at.y);
    expect(image!.y + image!.height).toBeGreaterThanOrEqual(at.y);
    // The board is still the board: nothing was replaced or refused.
    expect((await sceneElements(page)).some((e) => e.text === "Gateway")).toBe(true);
    await expect(page.getByRole("alert")).toHaveCount(0);

    // It keeps the name of its file: the diagram check calls a logo box by it.
    await expect.poll(async () => (await imageElements(page))[0]?.customData?.fileName).toBe("logo.png");

    // Bea gets the element, its name and the picture itself.
    await expect.poll(async () => (await imageElements(b)).map((e) => e.id)).toEqual([image!.id]);
    await expect.poll(async () => (await imageElements(b))[0]?.customData?.fileName).toBe("logo.png");
    await expect
      .poll(() =>
        b.evaluate(
          (id) => window.archboard!.files()[id]?.dataURL.startsWith("data:image/png") ?? false,
          image!.fileId!,
        ),
      )
      .toBe(true);

    // A JPEG goes the same way.
    await dropFile(page, await drawnPicture(page, "image/jpeg", "photo.jpg"), 500, 650);
    await expect.poll(async () => (await imageElements(b)).length).toBe(2);
    await expect
      .poll(async () => (await imageElements(page)).map((e) => e.customData?.fileName).sort())
      .toEqual(["logo.png", "photo.jpg"]);
  } finally {
    await b.context().close();
  }
});

test("a file that is neither a picture nor a board is refused with a clear message", async ({ page }) => {
  await newBoard(page);
  await drawBox(page, 300, 300, 160, 80, "Cache");
  const before = await sceneElements(page);
  await dropFile(page, { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("just some notes") }, 700, 400);
  await expect(page.getByRole("alert")).toContainText("“notes.txt” is not a board file");
  expect(await sceneElements(page)).toEqual(before);
});

test("a board dropped on a board with content asks: open as a new board, or insert in one undoable step", async ({
  page,
}) => {
  // The file: a board exported as PNG with its scene embedded.
  await newBoard(page, "Source");
  await drawBox(page, 300, 300, 180, 90, "Client");
  await drawBox(page, 700, 300, 180, 90, "API Servers");
  await drawArrow(page, [480, 345], [700, 345]);
  const source = await sceneElements(page);
  await page.getByRole("button", { name: "Export", exact: true }).click();
  await page.getByTestId("export-dialog").getByRole("radio", { name: "PNG", exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByTestId("export-dialog").getByRole("button", { name: "Download" }).click();
  const png = { name: "source.png", mimeType: "image/png", buffer: await downloadBytes(await download) };

  await newBoard(page, "Target");
  await drawBox(page, 300, 500, 160, 80, "Cache");
  const target = await sceneElements(page);
  const targetUrl = page.url();

  // Open as a new board: the default, focused first.
  await dropFile(page, png, 700, 400);
  const dialog = page.getByTestId("scene-drop-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Open as a new board" })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath("scene-drop-dialog.png") });
  await page.keyboard.press("Enter");
  await waitForEditor(page);
  await expect(page).not.toHaveURL(targetUrl);
  await expect.poll(async () => (await sceneElements(page)).length).toBe(source.length);

  // Escape changes nothing.
  await page.goto(targetUrl);
  await waitForEditor(page);
  await dropFile(page, png, 700, 400);
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await sceneElements(page)).toEqual(target);

  // Insert here: the source's elements under fresh ids, beside what is there.
  await dropFile(page, png, 700, 400);
  await dialog.getByRole("button", { name: "Insert here" }).click();
  await expect.poll(async () => (await sceneElements(page)).length).toBe(target.length + source.length);
  const after = await sceneElements(page);
  const sourceIds = new Set(source.map((e) => e.id));
  expect(after.filter((e) => sourceIds.has(e.id))).toEqual([]);
  expect(
    after
      .map((e) => e.text)
      .filter(Boolean)
      .sort(),
  ).toEqual(["API Servers", "Cache", "Client"]);
  expect(after.filter((e) => e.type === "arrow" && e.startId && e.endId)).toHaveLength(1);
  expect(page.url()).toBe(targetUrl);

  // One undo takes the whole insertion back.
  await page.keyboard.press("Control+z");
  await expect
    .poll(async () => (await sceneElements(page)).map((e) => e.id).sort())
    .toEqual(target.map((e) => e.id).sort());
});
