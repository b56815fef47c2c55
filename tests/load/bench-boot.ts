/**
 * Cold load of a board page: the built app on the real server, in Chromium,
 * with the HTTP cache cleared before each load. Prints the median time from
 * navigation to the board being interactive (the editor mounted and bound to
 * its doc) and the gzipped JavaScript fetched before that moment.
 *
 *   npm run build && npm run bench:boot [-- --runs 5 --file url-shortener-kuerzen.excalidraw]
 *
 * `--file` names a vendored diagram in tests/fixtures/corpus, or a path to any other.
 */
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { corpusDir, removeDir, startServer } from "../e2e/support/server.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const runs = Number(arg("runs", "5"));
const file = arg("file", "url-shortener-kuerzen.excalidraw");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-file").click();
  await (
    await chooser
  ).setFiles({ name: basename(file), mimeType: "application/json", buffer: readFileSync(resolve(corpusDir, file)) });
  await page.waitForURL(/\/b\//);
  await page.waitForFunction(() => window.archboard !== undefined);
  const boardUrl = page.url();
  const elementCount = await page.evaluate(() => window.archboard!.elements().length);

  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const samples: Array<{ ms: number; jsGzip: number; jsRaw: number; scripts: number }> = [];
  for (let i = 0; i < runs; i++) {
    await page.goto("about:blank");
    await cdp.send("Network.clearBrowserCache");
    await page.goto(boardUrl);
    await page.waitForFunction(() => performance.getEntriesByName("archboard:board-interactive").length > 0);
    samples.push(
      await page.evaluate(() => {
        const mark = performance.getEntriesByName("archboard:board-interactive")[0]!.startTime;
        const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
          (e) => e.name.endsWith(".js") && e.startTime < mark,
        );
        return {
          ms: mark,
          jsGzip: scripts.reduce((n, e) => n + e.encodedBodySize, 0),
          jsRaw: scripts.reduce((n, e) => n + e.decodedBodySize, 0),
          scripts: scripts.length,
        };
      }),
    );
  }
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`board page cold load (${file}, ${elementCount} elements), ${runs} runs, HTTP cache cleared each time`);
  for (const [i, s] of samples.entries()) {
    console.log(
      `  run ${i + 1}: ${s.ms.toFixed(0)} ms to interactive, ${s.scripts} scripts, ${kib(s.jsGzip)} gzipped (${kib(s.jsRaw)} raw)`,
    );
  }
  console.log(
    `median: ${median(samples.map((s) => s.ms)).toFixed(0)} ms; JavaScript before interactive: ${kib(median(samples.map((s) => s.jsGzip)))} gzipped`,
  );
} finally {
  await browser.close();
  await server.stop();
  removeDir(server.dataDir);
}
