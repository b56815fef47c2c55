import { expect, test, drawArrow, drawBox, newBoard, sceneElements } from "./support/fixtures.ts";
import { collaborators, expectSameScene, joinAs, sceneKey, shareBoard } from "./support/collab.ts";

test("two people on one board: drawing, editing each other's text, undo stays personal, cursors show", async ({
  page,
  browser,
  server,
}) => {
  test.slow(); // two browsers on a shared machine
  await newBoard(page, "Pairing");
  await drawBox(page, 300, 300, 180, 90, "API Servers");
  const link = await shareBoard(page);
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{16,}$/);
  await expect(page.getByTestId("board-title")).toHaveValue("Pairing");

  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    // B sees what A drew before sharing, and the board's name.
    await expectSameScene(page, b);
    await expect(b.getByTestId("board-title")).toHaveValue("Pairing");

    // A draws, B sees it.
    await drawBox(page, 700, 300, 180, 90, "Cache");
    await drawArrow(page, [480, 345], [700, 345]);
    await expectSameScene(page, b);
    expect((await sceneElements(b)).filter((e) => e.type === "arrow")).toHaveLength(1);

    // B edits A's text; A sees it.
    await b.mouse.dblclick(790, 345);
    await b.keyboard.press("Control+a");
    await b.keyboard.type("Redis Cache");
    await b.keyboard.press("Escape");
    await expect.poll(async () => (await sceneElements(page)).some((e) => e.text === "Redis Cache")).toBe(true);

    // A's undo undoes A's last edit (the arrow), not B's text edit.
    // Excalidraw also records selection changes, so undo until the arrow is gone.
    for (let i = 0; i < 4 && (await sceneElements(page)).some((e) => e.type === "arrow"); i++) {
      await page.keyboard.press("Control+z");
      await page.waitForTimeout(100);
    }
    await expect.poll(async () => (await sceneElements(page)).some((e) => e.type === "arrow")).toBe(false);
    await expect.poll(async () => (await sceneElements(b)).some((e) => e.type === "arrow")).toBe(false);
    expect((await sceneElements(page)).some((e) => e.text === "Redis Cache")).toBe(true);
    await expectSameScene(page, b);

    // A's cursor shows on B's board with A's name; B's laser shows on A's board.
    await page.mouse.move(600, 600);
    await page.mouse.move(620, 610, { steps: 3 });
    await expect.poll(async () => (await collaborators(b)).map((c) => c.pointer !== null)).toEqual([true]);
    await b.keyboard.press("k"); // laser pointer
    await b.mouse.move(500, 500);
    await b.mouse.down();
    await b.mouse.move(560, 520, { steps: 4 });
    await expect
      .poll(async () => (await collaborators(page)).map((c) => [c.username, c.pointer?.tool]))
      .toEqual([["Bea", "laser"]]);
    await b.mouse.up();
  } finally {
    await b.context().close();
  }
});

test("concurrent moves of the same element converge to one scene on both sides", async ({ page, browser, server }) => {
  await newBoard(page, "Converge");
  await drawBox(page, 300, 300, 160, 80, "Queue");
  await drawBox(page, 700, 300, 160, 80, "Workers");
  const link = await shareBoard(page);
  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    await expectSameScene(page, b);
    // Both drag the same box at the same time, in different directions.
    await Promise.all([
      (async () => {
        await page.mouse.move(305, 340);
        await page.mouse.down();
        await page.mouse.move(380, 500, { steps: 12 });
        await page.mouse.up();
      })(),
      (async () => {
        await b.mouse.move(305, 340);
        await b.mouse.down();
        await b.mouse.move(500, 200, { steps: 12 });
        await b.mouse.up();
      })(),
    ]);
    const scene = await expectSameScene(page, b);
    expect(scene.length).toBe(4);
    const pos = async (p: typeof page) =>
      p.evaluate(() =>
        window
          .archboard!.elements()
          .filter((e) => e.type === "rectangle")
          .map((e) => [e.id, Math.round(e.x), Math.round(e.y)])
          .sort(),
      );
    expect(await pos(page)).toEqual(await pos(b));
    expect(await sceneKey(page)).toEqual(await sceneKey(b));
  } finally {
    await b.context().close();
  }
});

test("in a shared room both people see the same findings and share the lint settings", async ({
  page,
  browser,
  server,
}) => {
  // Two browsers and a server on one machine: allow for a busy one.
  test.slow();
  await newBoard(page, "Shared lint");
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 650, 300, 180, 80, "API Servers");
  await drawArrow(page, [460, 340], [650, 340]);
  const link = await shareBoard(page);
  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    await expectSameScene(page, b);
    const rules = async (p: typeof page) =>
      (
        await p
          .locator('.ab-lint [data-testid="lint-group"]')
          .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")}×${e.getAttribute("data-count")}`))
      ).sort();
    await expect.poll(() => rules(b)).toContain("SD002×1");
    expect(await rules(b)).toEqual(await rules(page));

    // A turns SD002 off for the board; B's panel follows.
    await page.locator(".ab-lint").getByRole("tab", { name: "Rules" }).click();
    await page.locator(".ab-lint").getByLabel("SD002 arrow-label severity").selectOption("off");
    await expect.poll(() => rules(b)).not.toContain("SD002×1");
    await page.locator(".ab-lint").getByRole("tab", { name: "Findings" }).click();
    await expect(
      page.locator('.ab-lint [data-testid="lint-group"], .ab-lint [data-testid="lint-clean"]').first(),
    ).toBeVisible();
    expect(await rules(b)).toEqual(await rules(page));
  } finally {
    await b.context().close();
  }
});
