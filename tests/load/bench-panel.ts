/**
 * The diagram check panel against the check: the built app on the real server, in
 * Chromium at 1440×900, on a real board. The app marks each lint run's start and end and
 * the panel's commit, and measures (browser performance API) how long after the check
 * the panel is in the DOM and when the next animation frame starts; this script collects
 * those measures while it opens the board, then repeatedly applies a rule's bulk fix and
 * undoes and redoes it (each relints a changed scene), with the canvas overlay off and
 * then on. A trace of the same marks gives the main thread's CPU time between them, which
 * a busy machine inflates far less than wall time. Also times opening the largest group.
 * Prints medians, p95 and maxima; never fails on timing.
 *
 *   npm run build && npm run bench:panel [-- --file NAME --edits 20]
 *
 * NAME is a file of tests/fixtures/corpus (default: its largest board), or of the folder
 * in CORPUS_DIR when that is set.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { corpusDir, removeDir, startServer } from "../e2e/support/server.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dir = process.env.CORPUS_DIR?.trim() ? resolve(process.env.CORPUS_DIR.trim()) : corpusDir;
const largest = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".excalidraw"))
    .map((f) => ({
      f,
      n: (JSON.parse(readFileSync(resolve(dir, f), "utf8")) as { elements: unknown[] }).elements.length,
    }))
    .sort((a, b) => b.n - a.n)[0]!.f;
const file = arg("file", "") || largest();
const edits = Number(arg("edits", "20"));
if (!statSync(resolve(dir, file), { throwIfNoEntry: false })?.isFile()) throw new Error(`${file} is not in ${dir}`);

interface Sample {
  run: number;
  shown: number;
  frame: number;
}

/** Main-thread CPU time (trace `tts`) of each lint run and of the panel update after it, in ms. */
function cpuTimes(trace: Buffer): Array<{ run: number; panel: number }> {
  const marks = (
    JSON.parse(trace.toString("utf8")) as { traceEvents: Array<{ name: string; ph: string; tts?: number; ts: number }> }
  ).traceEvents
    .filter((e) => e.ph === "I" && e.name.startsWith("archboard:lint-") && typeof e.tts === "number")
    .sort((a, b) => a.ts - b.ts);
  const out: Array<{ run: number; panel: number }> = [];
  let started: number | null = null,
    checked: number | null = null;
  for (const m of marks) {
    if (m.name === "archboard:lint-started") started = m.tts!;
    else if (m.name === "archboard:lint-checked") checked = m.tts!;
    else if (m.name === "archboard:lint-panel-committed" && started !== null && checked !== null) {
      out.push({ run: (checked - started) / 1000, panel: (m.tts! - checked) / 1000 });
      started = checked = null;
    }
  }
  return out;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))]!;
};
const fmt = (xs: number[]) =>
  `median ${quantile(xs, 0.5).toFixed(1)} ms, p95 ${quantile(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Collects every lint run and panel measure the page records, in order. */
const collector = () => {
  const w = window as unknown as { panelSamples: Array<{ name: string; duration: number }> };
  w.panelSamples = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name.startsWith("archboard:lint")) w.panelSamples.push({ name: e.name, duration: e.duration });
  }).observe({ type: "measure", buffered: true });
};

/** Waits until `count` full samples (run, shown, next frame) are recorded, and returns them. */
async function samples(page: Page, count: number): Promise<Sample[]> {
  const read = () =>
    page.evaluate(() => {
      const list = (window as unknown as { panelSamples: Array<{ name: string; duration: number }> }).panelSamples;
      const out: Array<{ run: number; shown: number; frame: number }> = [];
      let current: { run: number; shown: number; frame: number } | null = null;
      for (const e of list) {
        if (e.name === "archboard:lint-run") current = { run: e.duration, shown: NaN, frame: NaN };
        else if (current && e.name === "archboard:lint-panel-shown") current.shown = e.duration;
        else if (current && e.name === "archboard:lint-panel-frame") {
          current.frame = e.duration;
          out.push(current);
          current = null;
        }
      }
      return out;
    });
  await page.waitForFunction(
    (n) => {
      const list = (window as unknown as { panelSamples: Array<{ name: string }> }).panelSamples;
      return list.filter((e) => e.name === "archboard:lint-panel-frame").length >= n;
    },
    count,
    { timeout: 120_000 },
  );
  return read();
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
try {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(collector);
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ["blink.user_timing"] });
  await page.goto("/");
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-file").click();
  await (
    await chooser
  ).setFiles({ name: file, mimeType: "application/json", buffer: readFileSync(resolve(dir, file)) });
  await page.waitForURL(/\/b\//);
  await page.waitForFunction(() => window.archboard !== undefined);
  const first = (await samples(page, 1))[0]!;
  const elements = await page.evaluate(() => window.archboard!.elements().length);
  const counts = await page
    .locator(".ab-lint [data-testid='lint-group']")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-count"))));
  const findings = counts.reduce((a, b) => a + b, 0);

  // The largest fixable group is the edit: fix all, undo, redo, undo… each one a changed scene to check.
  const fix = page.locator(".ab-fixfirst button.ab-chip--fix").first();
  const fixTitle = (await fix.count()) > 0 ? await fix.textContent() : null;

  const rounds: Array<{ label: string; from: number; count: number }> = [];
  const round = async (label: string) => {
    const before = (await samples(page, 1)).length;
    for (let i = 0; i < edits; i++) {
      if (i === 0 && fixTitle) await page.getByRole("button", { name: fixTitle }).first().click();
      else if (!fixTitle) {
        // No fix to apply: nudge everything right and back instead.
        await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight");
      } else await page.keyboard.press(i % 2 ? "Control+z" : "Control+Shift+z");
      await samples(page, before + i + 1);
    }
    rounds.push({ label, from: before, count: edits });
    // Leave the board as it was opened.
    if (fixTitle && edits % 2 === 1) {
      await page.keyboard.press("Control+z");
      await samples(page, before + edits + 1);
    }
  };

  const load = loadavg()[0]!;
  if (!fixTitle) {
    await page.locator(".excalidraw canvas.interactive").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+a");
  }
  await round(`edits (${fixTitle ? `“${fixTitle}”, then undo/redo` : "nudging a selection"}), overlay off`);
  await page.getByLabel("Mark on canvas").check();
  const badges = await page.getByTestId("lint-badge").count();
  await round(`same edits, overlay on (${badges} badges)`);
  await page.getByLabel("Mark on canvas").uncheck();

  /** Clicks a button in the page and times it to the next animation frame. */
  const clickToFrame = (el: HTMLElement | SVGElement) =>
    new Promise<number>((done) => {
      const t0 = performance.now();
      (el as HTMLElement).click();
      requestAnimationFrame(() => done(performance.now() - t0));
    });
  // The whole findings tab drawn from scratch: back from the Rules tab.
  await page.locator(".ab-lint").getByRole("tab", { name: "Rules" }).click();
  const tabMs = await page.locator(".ab-lint").getByRole("tab", { name: "Findings" }).evaluate(clickToFrame);
  // Opening the biggest group.
  const biggest = counts.indexOf(Math.max(...counts));
  const head = page.locator(".ab-lint [data-testid='lint-group'] .ab-group__head").nth(biggest);
  const openMs = await head.evaluate(clickToFrame);
  const wall = await samples(page, 1);
  const cpu = cpuTimes(await browser.stopTracing());
  console.log(
    `diagram check panel on ${file}: ${elements} elements, ${findings} findings in ${counts.length} rule groups`,
  );
  console.log(
    `load average ${load.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; wall = elapsed time, cpu = main-thread CPU time from the trace`,
  );
  console.log(`  opening the board: lint run ${first.run.toFixed(1)} ms wall / ${cpu[0]?.run.toFixed(1)} ms cpu;`);
  console.log(
    `    check done → panel in the DOM ${first.shown.toFixed(1)} ms wall / ${cpu[0]?.panel.toFixed(1)} ms cpu; next frame ${first.frame.toFixed(1)} ms wall`,
  );
  for (const r of rounds) {
    const w = wall.slice(r.from, r.from + r.count),
      c = cpu.slice(r.from, r.from + r.count);
    console.log(`  ${r.label}: ${w.length} updates`);
    console.log(`    lint run                         wall ${fmt(w.map((s) => s.run))}`);
    console.log(`                                     cpu  ${fmt(c.map((s) => s.run))}`);
    console.log(`    check done → panel in the DOM    wall ${fmt(w.map((s) => s.shown))}`);
    console.log(`                                     cpu  ${fmt(c.map((s) => s.panel))}`);
    console.log(`    check done → next frame starts   wall ${fmt(w.map((s) => s.frame))}`);
  }
  console.log(
    `  findings tab drawn from scratch (from the Rules tab): ${tabMs.toFixed(1)} ms wall from the click to the next frame`,
  );
  console.log(
    `  opening the largest group (${Math.max(...counts)} findings): ${openMs.toFixed(1)} ms wall from the click to the next frame`,
  );
} finally {
  await browser.close();
  await server.stop();
  removeDir(server.dataDir);
}
