import { expect, test, drawBox, newBoard, sceneElements } from "./support/fixtures.ts";
import { expectSameScene, joinAs, shareBoard } from "./support/collab.ts";
import { startStockServer } from "./support/stock-server.ts";

test("the app pairs through the stock y-websocket server too", async ({ page, browser, server }) => {
  const stock = await startStockServer();
  const pointAtStock = (url: string) => localStorage.setItem("archboard:sync-url", url);
  try {
    await page.addInitScript(pointAtStock, stock.url);
    await newBoard(page, "Interop");
    await drawBox(page, 300, 300, 160, 80, "Client");
    const link = await shareBoard(page);

    const b = await joinAs(browser, server.url, link, "Bea", async (ctx) => {
      await ctx.addInitScript(pointAtStock, stock.url);
    });
    try {
      await expectSameScene(page, b);
      await drawBox(b, 700, 300, 160, 80, "API Servers");
      await expectSameScene(page, b);
      expect(
        (await sceneElements(page))
          .map((e) => e.text)
          .filter(Boolean)
          .sort(),
      ).toEqual(["API Servers", "Client"]);
    } finally {
      await b.context().close();
    }
  } finally {
    await stock.stop();
  }
});
