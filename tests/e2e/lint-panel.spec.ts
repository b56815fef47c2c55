import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { lint, type Finding, type SceneElement } from "@archboard/diagram-lint";
import { expect, test, waitForEditor } from "./support/fixtures.ts";
import { downloadBytes, openThroughChooser } from "./support/files.ts";
import { corpusDir } from "./support/server.ts";

/**
 * The diagram check panel on a real board drawn by someone else: 83 elements, findings
 * over several rules, among them unlabelled arrows with their one-click fix.
 */
const BOARD = "url-shortener-kuerzen.excalidraw";

// Each test opens an 83-element board and walks the panel through it: room for a busy machine.
test.describe.configure({ timeout: 180_000 });

const panel = (page: Page) => page.locator(".ab-lint");
const groups = (page: Page) => panel(page).getByTestId("lint-group");
const group = (page: Page, rule: string) => panel(page).locator(`[data-testid="lint-group"][data-rule="${rule}"]`);

async function openBoard(page: Page) {
  await page.goto("/");
  const buffer = readFileSync(resolve(corpusDir, BOARD));
  await openThroughChooser(page, page.getByTestId("open-file"), { name: BOARD, buffer, mimeType: "application/json" });
  await waitForEditor(page);
  await expect(groups(page).first()).toBeVisible();
}

/** What the linter finds on the board as the editor holds it right now. */
async function expectedFindings(page: Page): Promise<Finding[]> {
  const elements = await page.evaluate(() => JSON.parse(JSON.stringify(window.archboard!.elements())) as unknown[]);
  return lint(elements as SceneElement[]);
}

function countByRule(findings: readonly Finding[]) {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return counts;
}

async function shownCounts(page: Page) {
  const rows = await groups(page).evaluateAll((els) =>
    els.map((e) => [e.getAttribute("data-rule")!, Number(e.getAttribute("data-count"))] as const),
  );
  return Object.fromEntries(rows);
}

async function openGroup(page: Page, rule: string) {
  const head = group(page, rule).locator(".ab-group__head");
  if ((await head.getAttribute("aria-expanded")) !== "true") await head.click();
  await expect(head).toHaveAttribute("aria-expanded", "true");
}

const artifact = (name: string) => resolve(import.meta.dirname, ".artifacts", name);

/** Where every element sits, to check that stepping never moves anything. */
const positions = (page: Page) =>
  page.evaluate(() =>
    window
      .archboard!.elements()
      .map((e) => `${e.id}@${e.x},${e.y}`)
      .sort(),
  );

const selectedIds = (page: Page) => page.evaluate(() => Object.keys(window.archboard!.appState().selectedElementIds));

test("groups and counts match the findings, the summary leads with the worst, and every finding is reachable", async ({
  page,
}) => {
  await openBoard(page);
  const findings = await expectedFindings(page);
  expect(findings.length).toBeGreaterThan(5);
  await expect.poll(() => shownCounts(page)).toEqual(countByRule(findings));
  await expect(panel(page).locator(".ab-lintview__total")).toHaveText(String(findings.length));

  // Three things to fix first, warnings before hints; arrow labels come with their one-click fix.
  const summary = panel(page).getByTestId("lint-fix-first");
  await expect(summary).toHaveCount(3);
  const severities = await summary.evaluateAll((els) => els.map((e) => e.className.match(/--(error|warn|info)/)![1]));
  expect(severities).toEqual(
    [...severities].sort((a, b) => ["error", "warn", "info"].indexOf(a) - ["error", "warn", "info"].indexOf(b)),
  );
  const arrowLabels = findings.filter((f) => f.ruleId === "SD002").length;
  await expect(
    panel(page)
      .getByRole("button", { name: `Add placeholder labels to ${arrowLabels} arrows` })
      .first(),
  ).toBeVisible();

  // Summary and groups fit the panel at 1440 × 900 without scrolling.
  const body = panel(page).locator(".ab-lint__body");
  expect(await body.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);

  // Opening each group lists every one of its findings.
  for (const [rule, count] of Object.entries(countByRule(findings))) {
    await openGroup(page, rule);
    await expect(group(page, rule).getByTestId("lint-finding")).toHaveCount(count);
  }
});

test("stepping through a group selects and shows every element once, by button and by keyboard", async ({ page }) => {
  await openBoard(page);
  const arrows = new Set(
    (await expectedFindings(page)).filter((f) => f.ruleId === "SD002").flatMap((f) => f.elementIds),
  );
  await openGroup(page, "SD002");
  const position = group(page, "SD002").getByTestId("lint-step-position");
  await expect(position).toHaveText(`– of ${arrows.size}`);

  const before = await positions(page);
  const visited: string[] = [];
  const next = group(page, "SD002").getByRole("button", { name: "Next element" });
  for (let i = 1; i <= arrows.size; i++) {
    // The first half by button, the rest with the arrow key while the row has focus.
    if (i <= arrows.size / 2) await next.click();
    else await page.keyboard.press("ArrowDown");
    await expect(position).toHaveText(`${i} of ${arrows.size}`);
    const selected = await selectedIds(page);
    expect(selected).toHaveLength(1);
    visited.push(selected[0]!);
    // The element is brought into the visible canvas, left of the panel.
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const s = window.archboard!.appState();
          const e = window.archboard!.elements().find((x) => x.id === id)!;
          const cx = (e.x + e.width / 2 + s.scrollX) * s.zoom.value;
          const cy = (e.y + e.height / 2 + s.scrollY) * s.zoom.value;
          const panelLeft = document.querySelector(".ab-lint")!.getBoundingClientRect().left;
          return cx > 0 && cx < panelLeft && cy > 0 && cy < s.height;
        }, selected[0]!),
      )
      .toBe(true);
  }
  expect(new Set(visited)).toEqual(arrows);
  expect(visited).toHaveLength(arrows.size);

  // The keys stepped the panel; none of them nudged the selected arrow on the canvas.
  expect(await positions(page)).toEqual(before);

  // Past the last element, stepping wraps to the first; previous goes back.
  await page.keyboard.press("ArrowDown");
  await expect(position).toHaveText(`1 of ${arrows.size}`);
  expect(await selectedIds(page)).toEqual([visited[0]]);
  await group(page, "SD002").getByRole("button", { name: "Previous element" }).click();
  await expect(position).toHaveText(`${arrows.size} of ${arrows.size}`);
  expect(await selectedIds(page)).toEqual([visited.at(-1)]);
});

test("a rule's fixes apply as one undo step, and the panel shows the progress", async ({ page }) => {
  await openBoard(page);
  const before = await expectedFindings(page);
  const arrows = before.filter((f) => f.ruleId === "SD002").length;
  const countTexts = () => page.evaluate(() => window.archboard!.elements().filter((e) => e.type === "text").length);
  const texts = await countTexts();

  await panel(page)
    .getByRole("button", { name: `Add placeholder labels to ${arrows} arrows` })
    .first()
    .click();
  await expect(group(page, "SD002")).toHaveCount(0);
  expect(await countTexts()).toBe(texts + arrows);
  await expect(panel(page).getByTestId("lint-progress")).toHaveText(
    `${before.length} → ${before.length - arrows} since you opened the board`,
  );

  // One Ctrl+Z takes every label back; one redo puts them all back.
  await page.keyboard.press("Control+z");
  await expect(group(page, "SD002")).toHaveAttribute("data-count", String(arrows));
  expect(await countTexts()).toBe(texts);
  await expect(panel(page).getByTestId("lint-progress")).toHaveCount(0);
  await page.keyboard.press("Control+Shift+z");
  await expect(group(page, "SD002")).toHaveCount(0);
  expect(await countTexts()).toBe(texts + arrows);
});

test("the canvas overlay marks findings on screen and never appears in a PNG export", async ({ page }) => {
  await openBoard(page);
  const marked = new Set((await expectedFindings(page)).flatMap((f) => f.elementIds));

  const exportPng = async () => {
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByRole("radio", { name: "PNG", exact: true }).click();
    await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download" }).click();
    const bytes = await downloadBytes(await download);
    await expect(dialog).toHaveCount(0);
    return bytes;
  };
  const plain = await exportPng();

  await panel(page).getByLabel("Mark on canvas").check();
  const badges = page.getByTestId("lint-badge");
  await expect(badges).toHaveCount(marked.size);
  await expect(badges.first()).toBeVisible();
  const withOverlay = await exportPng();
  // The overlay is still on screen, and the export is byte for byte the one without it.
  await expect(badges).toHaveCount(marked.size);
  expect(withOverlay.equals(plain)).toBe(true);

  // Clicking a badge (one not under the toolbar or the panel) opens its rule at that element.
  const id = await badges.evaluateAll((els) =>
    els
      .find((b) => {
        const r = b.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b;
      })
      ?.getAttribute("data-element"),
  );
  expect(id && marked.has(id)).toBe(true);
  await page.locator(`[data-testid="lint-badge"][data-element="${id}"]`).click();
  await expect.poll(() => selectedIds(page)).toHaveLength(1);
  await expect(panel(page).locator('[data-testid="lint-group"].is-open [aria-current="true"]')).toHaveCount(1);

  // The choice is remembered; turning it off removes the badges.
  await page.reload();
  await waitForEditor(page);
  await expect(badges).toHaveCount(marked.size);
  await panel(page).getByLabel("Mark on canvas").uncheck();
  await expect(badges).toHaveCount(0);
});

for (const theme of ["light", "dark"] as const) {
  test(`the panel on a real board in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openBoard(page);
    await openGroup(page, "SD002");
    // Nothing hovered or selected: the panel as it rests.
    await page.mouse.move(700, 880);
    await page.keyboard.press("Escape");
    // The whole side panel, its Check tab counting the findings; the footer's run time differs between runs.
    await expect(page.locator(".ab-panels")).toHaveScreenshot(`lint-panel-${theme}.png`, {
      maxDiffPixelRatio: 0.02,
      mask: [panel(page).locator(".ab-lint__footer")],
    });
    await panel(page).getByLabel("Mark on canvas").check();
    await page.screenshot({ path: artifact(`lint-overlay-${theme}.png`) });
  });
}
