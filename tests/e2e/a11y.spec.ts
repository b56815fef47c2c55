import type { Page } from "@playwright/test";
import { expect, test, newBoard, waitForEditor } from "./support/fixtures.ts";
import { expectNoOwnViolations } from "./support/axe.ts";

// Drawing, two browsers and a live room take their time on a loaded machine.
test.describe.configure({ timeout: 180_000 });

/** A board with the standard architecture on it, the diagram check docked open. */
async function standardBoard(page: Page, audit = false) {
  await newBoard(page, "Checkout");
  if (audit) await expectNoOwnViolations(page, "an empty board");
  await page.getByTestId("start-from-template").getByRole("button", { name: "Standard architecture" }).click();
  await expect.poll(() => page.evaluate(() => window.archboard!.elements().length)).toBeGreaterThan(5);
  await expect(page.getByTestId("lint-finding").or(page.getByTestId("lint-clean")).first()).toBeVisible();
}

async function fromMenu(page: Page, item: RegExp) {
  await page.getByTestId("main-menu-trigger").click();
  await page.getByRole("button", { name: item }).click();
}

test("the home page and a board with the diagram check pass axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("new-board")).toBeVisible();
  await expectNoOwnViolations(page, "the home page (empty)");
  await standardBoard(page, true);
  await expectNoOwnViolations(page, "a board with the diagram check open");
  await page.goto("/");
  await expect(page.getByTestId("board-card")).toHaveCount(1);
  await expectNoOwnViolations(page, "the home page with a board");
});

test("every dialog on the board passes axe", async ({ page }) => {
  test.setTimeout(360_000); // five dialogs, each audited whole
  await standardBoard(page);
  const dialogs: Array<{ name: string; open: () => Promise<unknown>; testId: string }> = [
    {
      name: "export",
      open: () => page.getByRole("button", { name: "Export", exact: true }).click(),
      testId: "export-dialog",
    },
    { name: "share", open: () => page.getByTestId("share").click(), testId: "share-dialog" },
    { name: "templates", open: () => page.getByTestId("open-templates").click(), testId: "template-picker" },
    { name: "diagram from text", open: () => fromMenu(page, /^Diagram from text/), testId: "mermaid-dialog" },
    { name: "start interview", open: () => fromMenu(page, /^Start a mock interview/), testId: "interview-dialog" },
  ];
  for (const d of dialogs) {
    await d.open();
    const dialog = page.locator(".ab-modal");
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`dialog-${d.name.replace(/ /g, "-")}.png`) });
    await expectNoOwnViolations(page, `the ${d.name} dialog`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
});

test("the interview panel passes axe", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("mock-interview").click();
  await expect(page.locator(".ab-modal")).toBeVisible();
  await expectNoOwnViolations(page, "the start-interview dialog on the home page");
  await page.getByTestId("create-interview").click();
  await page.getByTestId("open-as-interviewer").click();
  await waitForEditor(page, /\/r\//);
  await expect(page.getByTestId("role")).toHaveText("Interviewer");
  await expectNoOwnViolations(page, "the interview panel");
});

test("dialogs work from the keyboard: focus moves in, Tab stays inside, Escape closes, focus returns", async ({
  page,
}) => {
  await standardBoard(page);
  for (const opener of [page.getByRole("button", { name: "Export", exact: true }), page.getByTestId("share")]) {
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.locator(".ab-modal");
    await expect(dialog).toBeVisible();
    await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // Tab and Shift+Tab go round the dialog's own controls, never behind it.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? "Shift+Tab" : "Tab");
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
});
