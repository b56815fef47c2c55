import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, sceneElements, waitForEditor } from "./fixtures.ts";

/** Starts a live session on the open board; returns the link to send. */
export async function shareBoard(page: Page): Promise<string> {
  await page.getByTestId("share").click();
  await page.getByTestId("start-sharing").click();
  await page.waitForURL(/\/r\//);
  await waitForEditor(page, /\/r\//);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  return page.url();
}

/** Opens a shared link in a fresh browser context (another person). */
export async function joinAs(
  browser: Browser,
  baseURL: string,
  link: string,
  name: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await prepare?.(context);
  await context.addInitScript((n) => {
    localStorage.setItem("archboard:identity", JSON.stringify({ name: n, color: "#2f9e44" }));
  }, name);
  const page = await context.newPage();
  await page.goto(link);
  await waitForEditor(page, /\/r\//);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  return page;
}

/** Ids, versions and texts of the live elements: what must match on both sides. */
export async function sceneKey(page: Page) {
  return (await sceneElements(page)).map((e) => `${e.id}@${e.version}${e.text ? `:${e.text}` : ""}`).sort();
}

/** Waits until both pages show the same scene, and returns it. */
export async function expectSameScene(a: Page, b: Page) {
  await expect
    .poll(async () => JSON.stringify(await sceneKey(a)) === JSON.stringify(await sceneKey(b)), { timeout: 15_000 })
    .toBe(true);
  return sceneKey(a);
}

/** Remote collaborators as this page's editor knows them. */
export async function collaborators(page: Page) {
  return page.evaluate(() =>
    [...window.archboard!.appState().collaborators.values()].map((c) => ({
      username: c.username,
      pointer: c.pointer ? { x: Math.round(c.pointer.x), y: Math.round(c.pointer.y), tool: c.pointer.tool } : null,
      selected: Object.keys(c.selectedElementIds ?? {}),
    })),
  );
}

/** Creates a mock interview from the home page and opens it as the interviewer; returns the invite links. */
export async function startInterview(page: Page): Promise<{ candidate: string; observer: string }> {
  await page.goto("/");
  await page.getByTestId("mock-interview").click();
  await page.getByTestId("create-interview").click();
  const link = (role: string) => page.getByTestId(`invite-${role}`).locator("input").inputValue();
  const links = { candidate: await link("candidate"), observer: await link("observer") };
  await page.getByTestId("open-as-interviewer").click();
  await waitForEditor(page, /\/r\//);
  await expect(page.getByTestId("connection-status")).toHaveAttribute("data-status", "connected");
  return links;
}
