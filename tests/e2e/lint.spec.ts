import type { Page } from "@playwright/test";
import { expect, test, drag, drawArrow, drawBox, newBoard, sceneElements } from "./support/fixtures.ts";

// Each test draws a board stroke by stroke and waits on several checks: room for a busy machine.
test.describe.configure({ timeout: 180_000 });

const panel = (page: Page) => page.locator(".ab-lint");
const group = (page: Page, rule: string) => panel(page).locator(`[data-testid="lint-group"][data-rule="${rule}"]`);
const finding = (page: Page, rule: string) => panel(page).locator(`[data-testid="lint-finding"][data-rule="${rule}"]`);

/** Opens a rule's group in the panel (one is open at a time), showing its findings. */
async function openGroup(page: Page, rule: string) {
  const head = group(page, rule).locator(".ab-group__head");
  if ((await head.getAttribute("aria-expanded")) !== "true") await head.click();
  await expect(head).toHaveAttribute("aria-expanded", "true");
}

test("the diagram check finds, selects, fixes and can be told to stop", async ({ page }) => {
  await newBoard(page, "Lint flow");
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 650, 300, 180, 80, "API Servers");
  await drawArrow(page, [460, 340], [650, 340]);

  // An unlabelled arrow between two boxes is reported, naming both ends.
  await expect(group(page, "SD002")).toHaveAttribute("data-count", "1");
  await openGroup(page, "SD002");
  await expect(finding(page, "SD002")).toContainText("Arrow from “Client” to “API Servers” has no label");
  const arrowId = (await sceneElements(page)).find((e) => e.type === "arrow")!.id;

  // Clicking it selects the arrow.
  await page.mouse.click(1000, 700); // clear the selection first
  await finding(page, "SD002").locator(".ab-finding__main").click();
  await expect
    .poll(() => page.evaluate(() => Object.keys(window.archboard!.appState().selectedElementIds)))
    .toEqual([arrowId]);

  // Labelling the arrow makes the finding go away.
  await page.keyboard.press("Enter");
  await page.keyboard.type("GET /feed");
  await page.keyboard.press("Escape");
  await expect(group(page, "SD002")).toHaveCount(0);
  // With nothing left but hints, the panel says so plainly.
  await expect(panel(page).getByTestId("lint-clean")).toContainText("No errors or warnings.");

  // Free text inside a box is offered the bind-text fix; applying it binds both sides, undo reverts it.
  await page.keyboard.press("t");
  await page.mouse.click(700, 560);
  await page.keyboard.type("Cache");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("r");
  await drag(page, [640, 520], [860, 620]);
  await page.keyboard.press("Escape");
  await openGroup(page, "SD013");
  await expect(finding(page, "SD013")).toHaveCount(1);
  await finding(page, "SD013").locator(".ab-chip--fix").click();
  await expect(group(page, "SD013")).toHaveCount(0);
  const bound = await sceneElements(page);
  const text = bound.find((e) => e.text === "Cache")!;
  expect(text.containerId).not.toBeNull();
  const box = await page.evaluate(
    (id) => window.archboard!.elements().find((e) => e.id === id)?.boundElements,
    text.containerId,
  );
  expect(box).toContainEqual({ type: "text", id: text.id });
  await page.keyboard.press("Control+z");
  await expect(group(page, "SD013")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(group(page, "SD013")).toHaveCount(0);

  // Turning a rule off for the board removes its findings, and the setting is stored with the board.
  await expect(group(page, "SD007")).toHaveCount(1);
  await panel(page).getByRole("tab", { name: "Rules" }).click();
  await panel(page).getByLabel("SD007 estimates-present severity").selectOption("off");
  await panel(page).getByRole("tab", { name: "Findings" }).click();
  await expect(group(page, "SD007")).toHaveCount(0);
  await page.reload();
  await page.waitForFunction(() => window.archboard !== undefined);
  await expect(panel(page).locator('[data-testid="lint-group"], [data-testid="lint-clean"]').first()).toBeVisible();
  await expect(group(page, "SD007")).toHaveCount(0);
  await panel(page).getByRole("tab", { name: "Rules" }).click();
  await expect(panel(page).getByLabel("SD007 estimates-present severity")).toHaveValue("off");
});

test("each rule's group links to the rule's page, served by the app", async ({ page }) => {
  await newBoard(page);
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 650, 300, 180, 80, "API Servers");
  await drawArrow(page, [460, 340], [650, 340]);
  await openGroup(page, "SD002");
  const link = group(page, "SD002").getByRole("link", { name: "Why?" });
  await expect(link).toHaveAttribute("href", "/rules/SD002.html");
  const response = await page.request.get("/rules/SD002.html");
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("Why it matters in an interview");
});

test("'Ignore here' silences one rule for one element, stored on the element and undoable", async ({ page }) => {
  await newBoard(page, "Ignore");
  await drawBox(page, 300, 300, 160, 80, "Client");
  await drawBox(page, 650, 300, 180, 80, "API Servers");
  await drawArrow(page, [460, 340], [650, 340]);
  await openGroup(page, "SD002");
  await expect(finding(page, "SD002")).toHaveCount(1);
  await finding(page, "SD002").getByRole("button", { name: "Ignore here" }).click();
  await expect(group(page, "SD002")).toHaveCount(0);
  const disabled = await page.evaluate(
    () =>
      (
        window.archboard!.elements().find((e) => e.type === "arrow")?.customData?.lint as
          { disable?: string[] } | undefined
      )?.disable,
  );
  expect(disabled).toEqual(["SD002"]);
  await page.keyboard.press("Control+z");
  await expect(group(page, "SD002")).toHaveAttribute("data-count", "1");
});
