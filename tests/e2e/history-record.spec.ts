import type { Page } from "@playwright/test";
import { drawBox, expect, newBoard, test, waitForEditor } from "./support/fixtures.ts";
import { expectSameScene, joinAs, shareBoard } from "./support/collab.ts";

/** Every update stored in this browser's board histories, as text (their JSON is readable in it). */
async function storedUpdates(page: Page): Promise<string[][]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((d) => d.name ?? "")
      .filter((n) => n.startsWith("archboard:history:"));
    const read = (name: string) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["points", "bytes"], "readonly");
          const points = tx.objectStore("points").getAll();
          const bytes = tx.objectStore("bytes").getAll();
          tx.oncomplete = () => {
            db.close();
            const kinds = points.result as { kind: string }[];
            resolve(
              (bytes.result as Uint8Array[])
                .filter((_, i) => kinds[i]?.kind === "update")
                .map((b) => new TextDecoder("latin1").decode(b)),
            );
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      });
    return Promise.all(names.map(read));
  });
}

test("two tabs of one shared room record each change once, whoever made it", async ({ page, browser, server }) => {
  await newBoard(page, "Two tabs");
  const link = await shareBoard(page);
  const tab = await page.context().newPage();
  await tab.goto(link);
  await waitForEditor(tab, /\/r\//);
  await expect(tab.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  const partner = await joinAs(browser, server.url, link, "Bea");
  try {
    // A partner's changes reach both tabs from the server (and each tab from the other).
    await drawBox(partner, 300, 300, 180, 90, "Partner API");
    await drawBox(partner, 600, 300, 180, 90, "Partner Cache");
    await expectSameScene(partner, page);
    await expectSameScene(partner, tab);
    const recorded = (text: string) => async () =>
      (await storedUpdates(page)).some((updates) => updates.some((u) => u.includes(text)));
    await expect.poll(recorded("Partner Cache"), { timeout: 15_000 }).toBe(true);
    // This browser's own change, made in the second tab, reaches the first by tab sync and from the server.
    await drawBox(tab, 300, 600, 180, 90, "Own Queue");
    await expectSameScene(tab, page);
    await expect.poll(recorded("Own Queue"), { timeout: 15_000 }).toBe(true);
    for (const updates of await storedUpdates(page)) {
      expect(updates.length).toBeGreaterThan(0);
      expect(updates.length - new Set(updates).size, "updates stored twice").toBe(0);
    }
  } finally {
    await partner.context().close();
    await tab.close();
  }
});
