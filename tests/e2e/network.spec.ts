import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, drawArrow, drawBox, newBoard, waitForEditor } from "./support/fixtures.ts";

test("a full session of drawing and exporting requests nothing outside the app's origin", async ({
  page,
  requests,
  server,
}) => {
  // A load cut short because the page navigated away (net::ERR_ABORTED) is not
  // a failure; an error status or any other network error is.
  const failed: string[] = [];
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText ?? "";
    if (error !== "net::ERR_ABORTED") failed.push(`${r.url()} ${error}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
  });
  // Errors in the page or its workers. One is Excalidraw's own and depends on load: its
  // font-subset worker must answer within a second, else export subsets on the main
  // thread (the worker itself is checked in the test below).
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to use workers for subsetting, falling back"))
      errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));

  await newBoard(page, "Offline check");
  await drawBox(page, 250, 300, 180, 90, "Load Balancer");
  await drawBox(page, 650, 300, 180, 90, "API Servers");
  await drawArrow(page, [430, 345], [650, 345]);
  // Free text in the code font and a sketch with the pen.
  await page.keyboard.press("t");
  await page.mouse.click(300, 550);
  await page.keyboard.type("12k QPS · 2 MB/upload");
  await page.keyboard.press("Escape");

  for (const format of ["PNG", "SVG", ".excalidraw"]) {
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByTestId("export-dialog");
    await dialog.getByRole("radio", { name: format, exact: true }).click();
    await expect(dialog.getByRole("img", { name: "Export preview" })).toBeVisible();
    const download = page.waitForEvent("download");
    await dialog.getByRole("button", { name: "Download" }).click();
    await download;
  }
  await page.reload();
  await waitForEditor(page);
  await page.goto("/");
  await expect(page.getByTestId("board-card")).toHaveCount(1);

  const origin = new URL(server.url).origin;
  const foreign = requests.filter(
    (url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin,
  );
  expect(foreign).toEqual([]);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  expect(workers.some((url) => url.startsWith(`${origin}/assets/subset-worker`))).toBe(true);
  // The hand-drawn font came from our own server.
  expect(requests.some((url) => url.startsWith(`${origin}/fonts/Excalifont/`))).toBe(true);
});

test("the board's fonts are self-hosted and load", async ({ page }) => {
  await newBoard(page);
  await drawBox(page, 300, 300, 180, 90, "Cache");
  await expect.poll(() => page.evaluate(() => document.fonts.check('20px "Excalifont"', "Cache"))).toBe(true);
});

test("SVG export's font-subset worker starts and subsets a font", async ({ page }) => {
  // A worker whose modules include the app's entry fails as it loads (the entry renders
  // into `document`), and Excalidraw then subsets fonts on the main thread, freezing the
  // page during an SVG export. Here the built worker is asked directly, as Excalidraw asks it.
  const dist = fileURLToPath(new URL("../../apps/web/dist/", import.meta.url));
  const worker = readdirSync(join(dist, "assets")).find((f) => /^subset-worker.*\.js$/.test(f));
  const font = readdirSync(join(dist, "fonts/Excalifont")).find((f) => f.endsWith(".woff2"));
  expect(worker && font).toBeTruthy();
  await page.goto("/");
  const reply = await page.evaluate(
    async ({ workerUrl, fontUrl }) => {
      const bytes = await (await fetch(fontUrl)).arrayBuffer();
      return new Promise<{ bytes?: number; error?: string }>((resolve) => {
        const w = new Worker(workerUrl, { type: "module" });
        w.onerror = (e) => {
          w.terminate();
          resolve({ error: e.message || "the worker failed to load" });
        };
        w.onmessage = (m: MessageEvent<ArrayBuffer>) => {
          w.terminate();
          resolve({ bytes: m.data.byteLength });
        };
        w.postMessage({ command: "SUBSET", arrayBuffer: bytes, codePoints: [65, 66, 67] }, [bytes]);
      });
    },
    { workerUrl: `/assets/${worker}`, fontUrl: `/fonts/Excalifont/${font}` },
  );
  expect(reply.error).toBeUndefined();
  expect(reply.bytes).toBeGreaterThan(0);
});
