import type { Page } from "@playwright/test";
import { expect, test, drawBox, newBoard, waitForEditor } from "./support/fixtures.ts";
import { downloadBytes, pngSize } from "./support/files.ts";
import { expectSameScene, joinAs, shareBoard, startInterview } from "./support/collab.ts";
import { removeDir, startServer } from "./support/server.ts";

const SHOTS = "tests/e2e/.artifacts/history";

/** Labels of the live board's text elements, sorted. */
const liveTexts = (page: Page) =>
  page.evaluate(() =>
    (window.archboard?.elements() ?? [])
      .filter((e) => !e.isDeleted && e.type === "text")
      .map((e) => ("text" in e ? e.text : ""))
      .sort(),
  );

/** Labels of the board shown in the read-only past view, sorted (null while none is shown). */
const pastTexts = (page: Page) =>
  page.evaluate(() =>
    window.archboardPast
      ? window.archboardPast
          .elements()
          .filter((e) => !e.isDeleted && e.type === "text")
          .map((e) => ("text" in e ? e.text : ""))
          .sort()
      : null,
  );

async function openHistory(page: Page) {
  await page.getByTestId("panel-tab-history").click();
  await expect(page.getByTestId("history-scrubber")).toBeVisible();
}

/**
 * Scrubs from the start of the timeline, one change at a time (the scrubber's
 * arrow key), until the past view shows exactly `texts`.
 */
async function scrubTo(page: Page, texts: string[]) {
  const scrubber = page.getByTestId("history-scrubber");
  await scrubber.focus();
  await page.keyboard.press("Home");
  for (let step = 0; step < 300; step++) {
    await expect(page.getByTestId("past-view")).toHaveAttribute("data-ready", "true");
    if (JSON.stringify(await pastTexts(page)) === JSON.stringify(texts)) return;
    const before = await scrubber.getAttribute("aria-valuetext");
    const value = await scrubber.inputValue();
    await page.keyboard.press("ArrowRight");
    if ((await scrubber.inputValue()) === value && before !== null) break; // at the end
  }
  throw new Error(`no moment of the history shows ${JSON.stringify(texts)}`);
}

test("a room's history: scrub back, restore for everyone, undo; it survives a server restart and a reload", async ({
  browser,
}) => {
  test.slow(); // two browsers, a server restart and a reload on a busy machine
  const server = await startServer();
  let current = server;
  const a = await (await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } })).newPage();
  try {
    await newBoard(a, "Growth");
    const link = await shareBoard(a);
    const b = await joinAs(browser, server.url, link, "Bea");

    // Three steps, one after the other.
    await drawBox(a, 300, 200, 160, 80, "One");
    await expect.poll(() => liveTexts(b)).toEqual(["One"]);
    await drawBox(a, 600, 200, 160, 80, "Two");
    await expect.poll(() => liveTexts(b)).toEqual(["One", "Two"]);
    await drawBox(a, 300, 420, 160, 80, "Three");
    await expectSameScene(a, b);

    // Scrubbing back shows step one in the read-only view; the live board and the partner are untouched.
    await openHistory(a);
    await scrubTo(a, ["One"]);
    await expect(a.getByTestId("past-bar")).toContainText("Viewing");
    expect(await liveTexts(a)).toEqual(["One", "Three", "Two"]);
    expect(await liveTexts(b)).toEqual(["One", "Three", "Two"]);
    await a.screenshot({ path: `${SHOTS}/past-view.png` });
    await a.getByTestId("panel-tab-history").screenshot({ path: `${SHOTS}/tab.png` });
    await a.locator(".ab-panels").screenshot({ path: `${SHOTS}/panel.png` });

    // Restore: one change everyone sees; Ctrl+Z by the person who restored takes it back.
    await a.getByTestId("past-restore").click();
    await expect(a.getByTestId("past-view")).toHaveCount(0);
    await expect.poll(() => liveTexts(a)).toEqual(["One"]);
    await expect.poll(() => liveTexts(b)).toEqual(["One"]);
    await a.keyboard.press("Control+z");
    await expect.poll(() => liveTexts(a)).toEqual(["One", "Three", "Two"]);
    await expect.poll(() => liveTexts(b)).toEqual(["One", "Three", "Two"]);
    await expectSameScene(a, b);
    await b.context().close();

    // The server restarts and the page reloads: the room's history is still there.
    await server.stop();
    current = await startServer({ port: server.port, dataDir: server.dataDir });
    await a.reload();
    await waitForEditor(a, /\/r\//);
    await expect(a.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
    await openHistory(a);
    await scrubTo(a, ["One", "Two"]);
    await a.keyboard.press("Escape");
    await expect(a.getByTestId("past-view")).toHaveCount(0);
  } finally {
    await a.context().close();
    await current.stop();
    await server.stop();
    removeDir(server.dataDir);
  }
});

test("a board on this device: its history survives a reload; a past moment opens as a new board and exports as PNG", async ({
  page,
}) => {
  await newBoard(page, "Solo");
  await drawBox(page, 300, 200, 160, 80, "One");
  await drawBox(page, 600, 200, 160, 80, "Two");
  await expect.poll(() => liveTexts(page)).toEqual(["One", "Two"]);
  await page.reload();
  await waitForEditor(page);
  await openHistory(page);
  await scrubTo(page, ["One"]);

  const download = page.waitForEvent("download");
  await page.getByTestId("past-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Solo \(.+\)\.png$/);
  const bytes = await downloadBytes(file);
  expect(pngSize(bytes)?.width).toBeGreaterThan(100);

  const boardUrl = page.url();
  await page.getByTestId("past-open").click();
  await page.waitForURL((url) => url.pathname.startsWith("/b/") && url.href !== boardUrl);
  await waitForEditor(page);
  await expect.poll(() => liveTexts(page)).toEqual(["One"]);
  await expect(page.getByTestId("board-title")).toHaveValue(/^Solo at /);
});

test("an interview's history: phases and named versions for everyone, no restore for the observer, no notes history for the candidate", async ({
  page,
  server,
  browser,
}) => {
  test.slow(); // two browsers drawing and reading history on a busy machine
  await page.addInitScript(() =>
    localStorage.setItem("archboard:identity", JSON.stringify({ name: "Ivy", color: "#7048e8" })),
  );
  const links = await startInterview(page);
  const observer = await joinAs(browser, server.url, links.observer, "Oli");
  try {
    await page.getByRole("button", { name: "Start interview" }).click();
    await drawBox(page, 300, 200, 160, 80, "Client");
    await expect.poll(() => liveTexts(observer)).toEqual(["Client"]);

    // A named version, saved by the interviewer, is listed for everyone.
    await openHistory(page);
    await page.getByTestId("history-save-version").click();
    await page.getByTestId("version-name").fill("before deep dive");
    await page.getByTestId("version-save").click();
    await drawBox(page, 600, 200, 160, 80, "API");
    await expect.poll(() => liveTexts(observer)).toEqual(["API", "Client"]);

    // The observer scrubs (to the version) but cannot restore, and is told why.
    await openHistory(observer);
    await expect(observer.getByTestId("history-phase").first()).toBeAttached();
    await expect(observer.getByTestId("history-version")).toHaveText(/before deep dive/);
    await expect(observer.getByTestId("history-person")).toContainText(["Ivy"]);
    // From the board menu, then from the panel's list.
    await observer.getByTestId("main-menu-trigger").click();
    await observer.locator(".dropdown-menu").getByText("before deep dive").click();
    await expect(observer.getByTestId("past-view")).toHaveAttribute("data-ready", "true");
    expect(await pastTexts(observer)).toEqual(["Client"]);
    await observer.getByTestId("past-live").click();
    await expect(observer.getByTestId("past-view")).toHaveCount(0);
    await observer.getByTestId("history-version").click();
    await expect(observer.getByTestId("past-view")).toHaveAttribute("data-ready", "true");
    expect(await pastTexts(observer)).toEqual(["Client"]);
    await expect(observer.getByTestId("past-restore")).toBeDisabled();
    await expect(observer.getByTestId("past-restore-reason")).toHaveText(/Observers can look back but not restore/);
    expect(await liveTexts(observer)).toEqual(["API", "Client"]);
    await observer.locator(".ab-panels").screenshot({ path: `${SHOTS}/observer-panel.png` });

    // The notes' history is the interviewer's alone: the server refuses the candidate's token.
    const notesHistory = async (link: string) => {
      const u = new URL(link, server.url);
      const token = u.searchParams.get("t") ?? "";
      return page.request.get(
        `/api/rooms/${u.pathname.split("/")[2]}/notes/history?token=${encodeURIComponent(token)}`,
      );
    };
    const refused = await notesHistory(links.candidate);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error?: string }).error).toBeTruthy();
    expect((await notesHistory(page.url())).status()).toBe(200);
  } finally {
    await observer.context().close();
  }
});
