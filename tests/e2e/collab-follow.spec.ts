import { expect, test, drawBox, newBoard } from "./support/fixtures.ts";
import { expectSameScene, joinAs, shareBoard } from "./support/collab.ts";

const view = (p: import("@playwright/test").Page) =>
  p.evaluate(() => {
    const s = window.archboard!.appState();
    return {
      x: Math.round(s.scrollX),
      y: Math.round(s.scrollY),
      zoom: s.zoom.value,
      following: s.userToFollow?.username ?? null,
    };
  });

test("follow mode: B's view tracks A's until B pans", async ({ page, browser, server }) => {
  await page.addInitScript(() =>
    localStorage.setItem("archboard:identity", JSON.stringify({ name: "Ann", color: "#1971c2" })),
  );
  await newBoard(page, "Follow me");
  await drawBox(page, 300, 300, 160, 80, "Client");
  const link = await shareBoard(page);
  const b = await joinAs(browser, server.url, link, "Bea");
  try {
    await expectSameScene(page, b);
    // B picks Ann's avatar in the collaborator list: Excalidraw's follow.
    await b.locator(".UserList .Avatar").first().click();
    await expect.poll(async () => (await view(b)).following).toBe("Ann");
    await expect(b.getByText("Following Ann")).toBeVisible();

    // A pans far away; B's viewport goes along.
    const before = await view(b);
    await page.mouse.move(700, 500);
    await page.mouse.wheel(900, 1400);
    await expect.poll(async () => (await view(page)).y).toBeLessThan(before.y - 1000);
    const a = await view(page);
    await expect
      .poll(async () => {
        const v = await view(b);
        return Math.abs(v.x - a.x) < 40 && Math.abs(v.y - a.y) < 40;
      })
      .toBe(true);

    // B pans: following ends, and A's next move no longer drags B along.
    await b.mouse.move(700, 500);
    await b.mouse.wheel(0, -300);
    await expect.poll(async () => (await view(b)).following).toBeNull();
    const parked = await view(b);
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(500);
    expect(await view(b)).toEqual(parked);
  } finally {
    await b.context().close();
  }
});
