import { expect, test, drawArrow, drawBox, newBoard, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { removeDir, startServer } from "./support/server.ts";

const summary = (els: Awaited<ReturnType<typeof sceneElements>>) =>
  els
    .map((e) => ({ id: e.id, type: e.type, text: e.text, startId: e.startId, endId: e.endId }))
    .sort((a, b) => a.id.localeCompare(b.id));

test("a drawn board survives a reload and a server restart", async ({ browser }) => {
  const server = await startServer();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  try {
    await newBoard(page, "Persistence check");
    await drawBox(page, 300, 300, 180, 90, "API Servers");
    await drawBox(page, 700, 300, 180, 90, "Cache");
    await drawArrow(page, [480, 345], [700, 345]);

    const before = await sceneElements(page);
    const boxes = before.filter((e) => e.type === "rectangle");
    const texts = before.filter((e) => e.type === "text");
    const arrows = before.filter((e) => e.type === "arrow");
    expect(boxes).toHaveLength(2);
    expect(texts.map((t) => t.text).sort()).toEqual(["API Servers", "Cache"]);
    expect(texts.every((t) => boxes.some((b) => b.id === t.containerId))).toBe(true);
    expect(arrows).toHaveLength(1);
    expect(new Set([arrows[0]?.startId, arrows[0]?.endId])).toEqual(new Set(boxes.map((b) => b.id)));

    await page.reload();
    await waitForEditor(page);
    await expect.poll(async () => summary(await sceneElements(page))).toEqual(summary(before));

    const url = page.url();
    await page.close();
    await server.stop();
    const restarted = await startServer({ port: server.port, dataDir: server.dataDir });
    try {
      const again = await context.newPage();
      await again.goto(url);
      await waitForEditor(again);
      await expect.poll(async () => summary(await sceneElements(again))).toEqual(summary(before));
      await expect(again.getByTestId("board-title")).toHaveValue("Persistence check");
    } finally {
      await restarted.stop();
    }
  } finally {
    await context.close();
    await server.stop();
    removeDir(server.dataDir);
  }
});

test("the same board open in two tabs stays in step", async ({ page, context }) => {
  await newBoard(page, "Two tabs");
  const second = await context.newPage();
  await second.goto(page.url());
  await waitForEditor(second);
  await drawBox(page, 300, 300, 180, 90, "Cache");
  await expect.poll(async () => (await sceneElements(second)).map((e) => e.text).filter(Boolean)).toEqual(["Cache"]);
  await drawBox(second, 700, 300, 180, 90, "Database");
  await expect
    .poll(async () =>
      (await sceneElements(page))
        .map((e) => e.text)
        .filter(Boolean)
        .sort(),
    )
    .toEqual(["Cache", "Database"]);
  // The board list follows too: a rename in one tab shows on the other tab's home page.
  const home = await context.newPage();
  await home.goto("/");
  const title = second.getByTestId("board-title");
  await title.fill("Two tabs, renamed");
  await title.press("Enter");
  await expect(home.getByTestId("board-card")).toContainText("Two tabs, renamed");
});
