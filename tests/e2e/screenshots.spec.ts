import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test, drawArrow, drawBox, newBoard, waitForEditor } from "./support/fixtures.ts";
import { openThroughChooser } from "./support/files.ts";
import { corpusDir, repoRoot } from "./support/server.ts";

/**
 * Visual checks of the two main screens against committed references.
 * With DOCS_SCREENSHOTS=1 the same shots are also written to docs/screenshots
 * for the README.
 */
const docsShot = (name: string) =>
  process.env.DOCS_SCREENSHOTS ? { path: resolve(repoRoot, "docs/screenshots", name) } : {};

test("home page and board look right", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await newBoard(page, "URL shortener");
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 600, 300, 180, 80, "API Servers");
  await drawBox(page, 920, 220, 160, 80, "Cache");
  await drawBox(page, 920, 380, 160, 80, "Database");
  await drawArrow(page, [460, 340], [600, 340]);
  await drawArrow(page, [780, 320], [920, 260]);
  await drawArrow(page, [780, 360], [920, 420]);
  await page.mouse.click(1000, 700);
  await expect(page).toHaveScreenshot("board.png", { maxDiffPixelRatio: 0.01 });
  await page.screenshot(docsShot("board.png"));

  const backToBoards = () => page.getByTitle("All boards").click();
  await backToBoards();
  await expect(page.getByTestId("board-card").locator("img")).toHaveCount(1);
  await openThroughChooser(page, page.getByTestId("open-file"), {
    name: "Kuerzen architecture.excalidraw",
    buffer: readFileSync(resolve(corpusDir, "url-shortener-kuerzen.excalidraw")),
    mimeType: "application/json",
  });
  await waitForEditor(page);
  await backToBoards();
  await expect(page.getByTestId("board-card").locator("img")).toHaveCount(2);
  await page.getByTestId("new-board").click();
  await waitForEditor(page);
  await backToBoards();
  await expect(page.getByTestId("board-card")).toHaveCount(3);
  await page.mouse.move(0, 0);
  await expect(page.locator(".ab-toast")).toHaveCount(0, { timeout: 8000 });
  await expect(page).toHaveScreenshot("home.png", { maxDiffPixelRatio: 0.01 });
  await page.screenshot(docsShot("home.png"));
});
