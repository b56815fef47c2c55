import type { Page } from "@playwright/test";
import { expect, test, newBoard, waitForEditor } from "./support/fixtures.ts";
import { shareBoard } from "./support/collab.ts";

/**
 * The top bar and the docked side panel share the top of the screen: at the two common
 * laptop sizes, in solo, live and interview boards, nothing in the top bar may sit under
 * the panel or under another control. Screenshots of each go to the artifacts folder.
 */
const SHOTS = "tests/e2e/.artifacts/panels-layout";
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const right = (b: Box) => b.x + b.width;

/** The top bar's controls (ours and Excalidraw's library button), left to right. */
async function topBarControls(page: Page): Promise<{ name: string; box: Box }[]> {
  return page.evaluate(() => {
    const els = Array.from(document.querySelectorAll<HTMLElement>(".ab-topbar > *, .default-sidebar-trigger"));
    return els
      .map((el) => {
        const r = el.getBoundingClientRect();
        const name = (el.getAttribute("title") ?? el.textContent ?? "").trim().slice(0, 30);
        return { name, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      })
      .filter((c) => c.box.width > 0 && c.box.height > 0)
      .sort((a, b) => a.box.x - b.box.x);
  });
}

async function expectTopBarFits(page: Page, label: string) {
  // The picture first: it is what a person checks when the numbers say something is off.
  await page.screenshot({ path: `${SHOTS}/${label}.png` });
  const panel = await page.locator(".excalidraw .sidebar").boundingBox();
  expect(panel, `${label}: the side panel is docked open`).not.toBeNull();
  const controls = await topBarControls(page);
  expect(controls.length, label).toBeGreaterThan(2);
  for (const c of controls) {
    expect(right(c.box), `${label}: “${c.name}” ends left of the side panel`).toBeLessThanOrEqual(panel!.x);
    expect(c.box.x, `${label}: “${c.name}” starts on screen`).toBeGreaterThanOrEqual(0);
  }
  for (let i = 1; i < controls.length; i++) {
    expect(
      controls[i]!.box.x,
      `${label}: “${controls[i]!.name}” clears “${controls[i - 1]!.name}”`,
    ).toBeGreaterThanOrEqual(right(controls[i - 1]!.box) - 0.5);
  }
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test("solo and live boards keep the top bar clear of the side panel", async ({ page }) => {
      await newBoard(page, "Layout");
      await expectTopBarFits(page, `solo-${size.width}`);
      await shareBoard(page);
      await expectTopBarFits(page, `live-${size.width}`);
    });

    test("an interview board keeps the top bar clear of the side panel", async ({ page }) => {
      await page.goto("/");
      await page.getByTestId("mock-interview").click();
      await page.getByTestId("create-interview").click();
      await page.getByTestId("open-as-interviewer").click();
      await waitForEditor(page, /\/r\//);
      await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
      await expect(page.getByTestId("interview-clock")).toBeVisible();
      await expectTopBarFits(page, `interview-${size.width}`);
    });
  });
}
