import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { templates, templateToElements, getTemplate } from "@archboard/templates";
import { expect, test, drawBox, newBoard } from "./support/fixtures.ts";

const artifact = (name: string) => resolve(import.meta.dirname, ".artifacts", name);
const picker = (page: Page) => page.getByTestId("template-picker");
const lintPanel = (page: Page) => page.locator(".ab-lint");
/** An empty bit of canvas between the menu button and the toolbar: clicking it clears the selection. */
const deselect = (page: Page) => page.mouse.click(150, 40);

interface Placed {
  id: string;
  type: string;
  kind: string | null;
  label: string | null;
  startId: string | null;
  endId: string | null;
  version: number;
  rect: { x: number; y: number; width: number; height: number };
}

/** Live elements with what these tests check: kinds, labels, bindings and bounds. */
async function placed(page: Page): Promise<Placed[]> {
  return page.evaluate(() => {
    const els = window.archboard?.elements() ?? [];
    const text = new Map(
      els
        .filter((e) => e.type === "text")
        .map((e) => [(e as { containerId: string | null }).containerId, (e as { text: string }).text]),
    );
    return els.map((e) => {
      const pts = "points" in e ? (e.points as readonly (readonly number[])[]) : null;
      const xs = pts ? pts.map((p) => p[0]!) : [0, e.width];
      const ys = pts ? pts.map((p) => p[1]!) : [0, e.height];
      const binding = (b: unknown) => (b as { elementId: string } | null)?.elementId ?? null;
      return {
        id: e.id,
        type: e.type,
        version: e.version,
        kind: (e.customData as { kind?: string } | undefined)?.kind ?? null,
        label: text.get(e.id) ?? null,
        startId: "startBinding" in e ? binding(e.startBinding) : null,
        endId: "endBinding" in e ? binding(e.endBinding) : null,
        rect: {
          x: e.x + Math.min(...xs),
          y: e.y + Math.min(...ys),
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys),
        },
      };
    });
  });
}

function union(rects: Placed["rect"][]) {
  const x = Math.min(...rects.map((r) => r.x)),
    y = Math.min(...rects.map((r) => r.y));
  return {
    x,
    y,
    width: Math.max(...rects.map((r) => r.x + r.width)) - x,
    height: Math.max(...rects.map((r) => r.y + r.height)) - y,
  };
}

const overlaps = (a: Placed["rect"], b: Placed["rect"]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function openPicker(page: Page) {
  await page.getByTestId("open-templates").click();
  await expect(picker(page)).toBeVisible();
}

async function insertFromPicker(page: Page, id: string) {
  await openPicker(page);
  const card = picker(page).locator(`[data-template="${id}"]`);
  await card.scrollIntoViewIfNeeded();
  await card.click();
  await expect(picker(page)).toHaveCount(0);
}

/** Lint is debounced; give it time to run on the new scene, then count what it found. */
async function seriousFindings(page: Page) {
  await page.waitForTimeout(600);
  await expect(lintPanel(page).locator('[data-testid="lint-group"], [data-testid="lint-clean"]').first()).toBeVisible();
  const counts = await lintPanel(page)
    .locator(".ab-group--warn, .ab-group--error")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  return counts.reduce((a, b) => a + b, 0);
}

test("an empty board invites a template; the standard architecture goes in whole, bound and lint-clean", async ({
  page,
}) => {
  await newBoard(page, "Templates");
  await expect(page.getByTestId("start-from-template")).toBeVisible();
  await page.screenshot({ path: artifact("empty-board.png") });

  await page.getByTestId("start-from-template").getByRole("button", { name: "Browse templates…" }).click();
  await expect(picker(page)).toBeVisible();
  // Previews of the visible cards are drawn lazily, then stay.
  await expect(
    picker(page).locator('[data-template="standard-architecture"] .ab-tpl-preview[data-state="ready"] svg'),
  ).toBeVisible();
  await page.screenshot({ path: artifact("picker.png") });

  await picker(page).locator('[data-template="standard-architecture"]').click();
  await expect(page.getByTestId("start-from-template")).toHaveCount(0);
  const expected = templateToElements(getTemplate("standard-architecture")!);
  const els = await placed(page);
  expect(els).toHaveLength(expected.length);
  const arrows = els.filter((e) => e.type === "arrow");
  expect(arrows.length).toBe(expected.filter((e) => e.type === "arrow").length);
  const ids = new Set(els.map((e) => e.id));
  for (const a of arrows) {
    expect(a.startId && ids.has(a.startId)).toBeTruthy();
    expect(a.endId && ids.has(a.endId)).toBeTruthy();
  }
  // Everything new is selected, ready to move as one.
  const selected = await page.evaluate(() => Object.keys(window.archboard!.appState().selectedElementIds).length);
  expect(selected).toBeGreaterThanOrEqual(els.filter((e) => e.type !== "text").length - 1);
  expect(await seriousFindings(page)).toBe(0);
  await deselect(page);
  await page.screenshot({ path: artifact("inserted-standard-architecture.png") });
});

test("on a busy board a template finds free space, and one Ctrl+Z takes it back", async ({ page }) => {
  await newBoard(page, "Busy");
  await drawBox(page, 420, 380, 160, 80, "Client");
  await drawBox(page, 640, 420, 160, 80, "API Servers");
  await insertFromPicker(page, "standard-architecture");
  const before = await placed(page);
  const beforeIds = new Set(before.map((e) => e.id));

  await insertFromPicker(page, templates.find((t) => t.category === "prompt-starter")!.id);
  const after = await placed(page);
  const added = after.filter((e) => !beforeIds.has(e.id));
  expect(added.length).toBeGreaterThan(5);
  const area = union(added.map((e) => e.rect));
  for (const old of before) expect(overlaps(area, old.rect), `overlaps ${old.type} ${old.label ?? ""}`).toBe(false);

  // Straight after inserting (a click elsewhere would be an undo step of its own).
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await placed(page)).length).toBe(before.length);
  const restored = await placed(page);
  expect(restored.map((e) => [e.id, e.version])).toEqual(before.map((e) => [e.id, e.version]));
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(async () => (await placed(page)).length).toBe(after.length);
  await deselect(page);
  await page.screenshot({ path: artifact("inserted-busy-board.png") });
});

test("a building block attaches to the selected database", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 }); // the footer must hold the block buttons here too
  await newBoard(page, "Blocks");
  await drawBox(page, 600, 400, 180, 90, "Database");
  await page.mouse.click(690, 402); // select the box by its edge
  const blocks = page.getByTestId("block-button");
  await expect(blocks).toHaveCount(2);
  await page.screenshot({ path: artifact("block-buttons-1280.png") });
  await page.locator('[data-testid="block-button"][data-template="block-add-cache"]').click();
  const els = await placed(page);
  const db = els.find((e) => e.label === "Database")!;
  const cache = els.find((e) => e.kind === "cache")!;
  const arrow = els.find((e) => e.type === "arrow")!;
  expect([arrow.startId, arrow.endId]).toEqual([cache.id, db.id]);
  expect(overlaps(cache.rect, db.rect)).toBe(false);
  // The anchor keeps its label and now lists the arrow among its bound elements.
  const bound = await page.evaluate(
    (id) =>
      window
        .archboard!.elements()
        .find((e) => e.id === id)
        ?.boundElements?.map((b) => b.type),
    db.id,
  );
  expect(bound?.sort()).toEqual(["arrow", "text"]);
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await placed(page)).length).toBe(2);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(async () => (await placed(page)).length).toBe(els.length);
  await deselect(page);
  await page.screenshot({ path: artifact("inserted-block-cache.png") });
});

test("components come from the library panel with their kinds", async ({ page }) => {
  await newBoard(page, "Library");
  await page.locator(".default-sidebar-trigger").click();
  const units = page.locator(".library-unit__active");
  await expect(units).toHaveCount(14);
  await page.screenshot({ path: artifact("library.png") });
  await units.nth(9).locator(".library-unit__dragger").click(); // the database
  await expect.poll(async () => (await placed(page)).length).toBeGreaterThan(0);
  const els = await placed(page);
  const tagged = els.filter((e) => e.kind);
  expect(tagged.map((e) => [e.kind, e.label])).toEqual([["db", "Database"]]);
  await page.keyboard.press("Escape");
  await deselect(page);
  await page.screenshot({ path: artifact("inserted-library-db.png") });
});

test("a Mermaid flowchart becomes editable shapes with kinds; bad text says which line", async ({ page }) => {
  await newBoard(page, "Text");
  await page.getByTestId("start-from-template").getByRole("button", { name: "Diagram from text…" }).click();
  const dialog = page.getByTestId("mermaid-dialog");
  const text = dialog.getByTestId("mermaid-text");
  await text.fill("flowchart LR\n  A[Client] --> B[API]\n  B -->");
  await expect(dialog.getByTestId("mermaid-error")).toContainText("Line 3: the text ends where more was expected");
  await expect(dialog.getByTestId("mermaid-insert")).toBeDisabled();
  await page.screenshot({ path: artifact("mermaid-error.png") });

  await text.fill("flowchart LR; A[Client] --> B[API Server] --> C[(Database)]");
  await expect(dialog.getByTestId("mermaid-preview").locator("svg")).toBeVisible();
  await expect(dialog.getByTestId("mermaid-error")).toHaveCount(0);
  await page.screenshot({ path: artifact("mermaid-preview.png") });
  await dialog.getByTestId("mermaid-insert").click();
  await expect(dialog).toHaveCount(0);
  const els = await placed(page);
  const kinds = Object.fromEntries(els.filter((e) => e.kind).map((e) => [e.label, e.kind]));
  expect(kinds).toEqual({ Client: "client", "API Server": "service", Database: "db" });
  // The cylinder is the database shape the templates draw, not a plain rectangle.
  expect(els.find((e) => e.label === "Database")?.type).toBe("ellipse");
  expect(els.filter((e) => e.type === "arrow").every((a) => a.startId && a.endId)).toBe(true);
});

test("a Mermaid sequence diagram draws each participant once", async ({ page }) => {
  await newBoard(page, "Sequence from text");
  await page.getByTestId("start-from-template").getByRole("button", { name: "Diagram from text…" }).click();
  const dialog = page.getByTestId("mermaid-dialog");
  await dialog
    .getByTestId("mermaid-text")
    .fill(
      "sequenceDiagram\n  participant Client\n  participant API\n  Client->>API: POST /pay\n  API-->>Client: 201 Created",
    );
  await expect(dialog.getByTestId("mermaid-preview").locator("svg")).toBeVisible();
  await dialog.getByTestId("mermaid-insert").click();
  await expect(dialog).toHaveCount(0);
  const texts = await page.evaluate(() =>
    window
      .archboard!.elements()
      .filter((e) => e.type === "text")
      .map((e) => (e as { text: string }).text),
  );
  expect(texts.filter((t) => t === "Client")).toHaveLength(1);
  expect(texts.filter((t) => t === "API")).toHaveLength(1);
  expect(texts).toContain("POST /pay");
  await deselect(page);
  await page.screenshot({ path: artifact("mermaid-sequence.png") });
});

test("the template picker looks right", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await newBoard(page, "Picker look");
  await openPicker(page);
  await expect(picker(page).locator('.ab-tpl-preview[data-state="ready"]').first()).toBeVisible();
  await page.waitForTimeout(300);
  await expect(picker(page)).toHaveScreenshot("template-picker.png", { maxDiffPixelRatio: 0.02 });
});

test("every template inserts bound and readable (screenshots in .artifacts)", async ({ page }) => {
  test.setTimeout(300_000);
  await newBoard(page, "All templates");
  for (const t of templates.filter((x) => x.category !== "building-block")) {
    await insertFromPicker(page, t.id);
    const els = await placed(page);
    const ids = new Set(els.map((e) => e.id));
    for (const a of els.filter((e) => e.type === "arrow"))
      expect(a.startId && ids.has(a.startId) && a.endId && ids.has(a.endId), `${t.id}: arrow bound`).toBeTruthy();
    await deselect(page);
    await page.screenshot({ path: artifact(`template-${t.id}.png`) });
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Delete");
    await expect.poll(async () => (await placed(page)).length).toBe(0);
  }
});
