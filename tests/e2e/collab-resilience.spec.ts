import { expect, test, drawBox, newBoard, sceneElements } from "./support/fixtures.ts";
import { expectSameScene, joinAs, shareBoard } from "./support/collab.ts";
import { startServer, removeDir } from "./support/server.ts";

const texts = async (p: import("@playwright/test").Page) =>
  (await sceneElements(p))
    .filter((e) => e.type === "text")
    .map((e) => e.text)
    .sort();

test("offline edits on both sides merge when the connection returns, with nothing lost or doubled", async ({
  page,
  browser,
  server,
}) => {
  test.slow(); // two browsers on a shared machine
  await newBoard(page, "Offline");
  await drawBox(page, 300, 200, 160, 80, "Client");
  const link = await shareBoard(page);
  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    await expectSameScene(page, b);
    await b.context().setOffline(true);
    await expect(b.getByTestId("connection-status")).not.toHaveAttribute("data-status", "connected");

    await drawBox(page, 300, 450, 160, 80, "Database");
    await drawBox(b, 700, 200, 160, 80, "Cache");
    await drawBox(b, 700, 450, 160, 80, "Queue");
    await expect(b.getByTestId("connection-status")).toContainText("unsynced");
    // Nothing crossed while B was offline.
    expect(await texts(page)).toEqual(["Client", "Database"]);

    await b.context().setOffline(false);
    await expect(b.getByTestId("connection-status")).toHaveAttribute("data-status", "connected", { timeout: 20_000 });
    const scene = await expectSameScene(page, b);
    expect(await texts(page)).toEqual(["Cache", "Client", "Database", "Queue"]);
    expect(new Set(scene).size).toBe(scene.length);
    expect((await sceneElements(page)).filter((e) => e.type === "rectangle")).toHaveLength(4);
  } finally {
    await b.context().close();
  }
});

test("the server is killed mid-session: both reconnect by themselves and nothing drawn is lost", async ({
  browser,
}) => {
  test.slow(); // three browsers and two server starts on a shared machine
  const first = await startServer();
  const a = await (await browser.newContext({ baseURL: first.url, viewport: { width: 1440, height: 900 } })).newPage();
  let current = first;
  try {
    await a.goto("/");
    await a.getByTestId("new-board").click();
    await a.waitForURL(/\/b\//);
    await a.waitForFunction(() => window.archboard !== undefined);
    await drawBox(a, 300, 200, 160, 80, "Client");
    const link = await shareBoard(a);
    const b = await joinAs(browser, first.url, link, "Bea");
    await drawBox(b, 700, 200, 160, 80, "API Servers");
    await expectSameScene(a, b);

    await first.stop("SIGKILL");
    await expect(a.getByTestId("connection-status")).not.toHaveAttribute("data-status", "connected");
    await expect(b.getByTestId("connection-status")).not.toHaveAttribute("data-status", "connected");
    // Both keep drawing while the server is down.
    await drawBox(a, 300, 450, 160, 80, "Database");
    await drawBox(b, 700, 450, 160, 80, "Cache");

    current = await startServer({ port: first.port, dataDir: first.dataDir });
    await expect(a.getByTestId("connection-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
    await expect(b.getByTestId("connection-status")).toHaveAttribute("data-status", "connected", { timeout: 30_000 });
    await expectSameScene(a, b);
    expect(await texts(a)).toEqual(["API Servers", "Cache", "Client", "Database"]);

    // The restarted server reloaded the room from its SQLite file: a newcomer gets everything.
    const c = await joinAs(browser, current.url, link, "Cy");
    await expectSameScene(a, c);
    await c.context().close();
    await b.context().close();
  } finally {
    await a.context().close();
    await current.stop();
    await first.stop();
    removeDir(first.dataDir);
  }
});
