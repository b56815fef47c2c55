import { writeFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import { expect, test, drawArrow, drawBox } from "./support/fixtures.ts";
import { downloadBytes, pngSize } from "./support/files.ts";
import { expectSameScene, joinAs, startInterview } from "./support/collab.ts";
import { readWebm } from "./support/webm.ts";

const NOTE = "Stalled on the cache for a while";

/** Clicks `action` and collects `count` downloads, the Markdown first. */
async function downloads(page: Page, count: number, action: () => Promise<unknown>): Promise<Download[]> {
  const got: Download[] = [];
  const listener = (d: Download) => got.push(d);
  page.on("download", listener);
  await action();
  await expect.poll(() => got.length).toBe(count);
  page.off("download", listener);
  return got.sort(
    (a, b) => Number(!a.suggestedFilename().endsWith(".md")) - Number(!b.suggestedFilename().endsWith(".md")),
  );
}

const nextPhase = async (page: Page, candidate: Page, phase: string) => {
  await page.getByRole("button", { name: "Next phase" }).click();
  await expect(candidate.getByTestId("interview-clock")).toHaveAttribute("data-phase", phase);
};

test("the interview report shows the board at the end of each phase, in both copies", async ({
  page,
  browser,
  server,
}) => {
  test.slow(); // three people's worth of drawing and a dozen downloads on a shared machine
  const links = await startInterview(page);
  const candidate = await joinAs(browser, server.url, links.candidate, "Cai");
  try {
    await page.getByRole("button", { name: "Start interview" }).click();
    await expect(candidate.getByTestId("interview-clock")).toHaveAttribute("data-status", "running");

    // Clarify: an API. Estimate: a database and an arrow without a label. Design (under way): one more box.
    await drawBox(candidate, 300, 300, 180, 90, "API");
    await expectSameScene(page, candidate);
    await nextPhase(page, candidate, "estimate");
    await drawBox(candidate, 650, 300, 180, 90, "DB");
    await drawArrow(candidate, [485, 345], [645, 345]);
    await expectSameScene(page, candidate);
    await nextPhase(page, candidate, "high-level");
    await drawBox(candidate, 650, 550, 180, 90);
    await expectSameScene(page, candidate);
    await page.getByLabel("New note").fill(NOTE);
    await page.getByRole("button", { name: "Add note" }).click();

    // The interviewer's copy: Markdown, the board now, and one picture per phase reached.
    const mine = await downloads(page, 5, () => page.getByTestId("download-report").click());
    const report = (await downloadBytes(mine[0] as Download)).toString("utf8");
    expect(report).toContain("## The board by phase");
    const rows = [...report.matchAll(/^\| (.+?) \| (\d\d:\d\d) \| (\d+) \|$/gm)].map((m) => ({
      phase: m[1],
      findings: Number(m[3]),
    }));
    expect(rows.map((r) => r.phase)).toEqual([
      "Clarify requirements",
      "Estimate scale",
      "High-level design (under way)",
    ]);
    // The lone API has fewer findings than API, database and unlabelled arrow.
    expect(rows[1]!.findings).toBeGreaterThan(rows[0]!.findings);
    const pictured = [...report.matchAll(/^!\[The board (?:at the end of|during) .+\]\((.+\.png)\)$/gm)].map(
      (m) => m[1],
    );
    expect(pictured).toHaveLength(3);
    const names = mine.map((d) => d.suggestedFilename());
    for (const file of pictured) expect(names).toContain(file);
    // Each phase's picture is the board then: it grows phase by phase.
    const sizes: { width: number; height: number }[] = [];
    for (const file of pictured) {
      const size = pngSize(await downloadBytes(mine.find((d) => d.suggestedFilename() === file) as Download));
      expect(size).not.toBeNull();
      sizes.push(size!);
    }
    expect(sizes[1]!.width).toBeGreaterThan(sizes[0]!.width);
    expect(sizes[2]!.height).toBeGreaterThan(sizes[1]!.height);
    expect(report).toContain(NOTE);

    // The candidate's copy: the same boards by phase, without the private notes.
    await page.getByTestId("share-report").click();
    const theirs = await downloads(candidate, 5, () => candidate.getByTestId("download-report").click());
    const copy = (await downloadBytes(theirs[0] as Download)).toString("utf8");
    expect(copy).toContain("## The board by phase");
    expect(copy).not.toContain(NOTE);
    for (const file of pictured) expect(theirs.map((d) => d.suggestedFilename())).toContain(file);
  } finally {
    await candidate.context().close();
  }
});

test("a replay runs to the end with the clock and findings of each moment, and a time-lapse downloads as WebM", async ({
  page,
}) => {
  test.slow(); // the time-lapse records in real time: a few seconds of video
  await startInterview(page);
  await page.getByRole("button", { name: "Start interview" }).click();
  await drawBox(page, 300, 300, 180, 90, "API");
  await page.getByRole("button", { name: "Next phase" }).click();
  await drawBox(page, 650, 300, 180, 90, "DB");
  await drawArrow(page, [485, 345], [645, 345]);
  await page.getByRole("button", { name: "Next phase" }).click();
  await expect(page.getByTestId("interview-clock")).toHaveAttribute("data-phase", "high-level");

  await page.getByTestId("panel-tab-history").click();
  const replay = page.getByTestId("replay");
  await expect(replay).toBeVisible();
  // Every clock phase and finding count the replay shows, in order.
  await page.evaluate(() => {
    const seen: { phases: string[]; counts: string[] } = { phases: [], counts: [] };
    (window as unknown as { replaySeen: typeof seen }).replaySeen = seen;
    const note = () => {
      const phase = document.querySelector("[data-testid=replay-clock]")?.getAttribute("data-phase");
      const count = document.querySelector("[data-testid=replay-findings]")?.getAttribute("data-count");
      if (phase != null && seen.phases.at(-1) !== phase) seen.phases.push(phase);
      if (count != null && seen.counts.at(-1) !== count) seen.counts.push(count);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await replay.getByRole("button", { name: "16×" }).click();
  await replay.getByTestId("replay-play").click();
  const moment = page.getByTestId("replay-moment");
  await expect(moment).toHaveAttribute("data-ended", "true");
  await expect(moment).toHaveAttribute("data-playing", "false");
  await expect(replay.getByTestId("replay-play")).toHaveText("Replay again");
  const seen = await page.evaluate(
    () => (window as unknown as { replaySeen: { phases: string[]; counts: string[] } }).replaySeen,
  );
  // Before the interview started there is no clock; then its phases, in order.
  const phases = seen.phases.filter(Boolean);
  expect(phases[0]).toBe("clarify");
  expect(phases.at(-1)).toBe("high-level");
  expect(seen.counts[0]).toBe("0");
  // At the end the count is the live board's: the Check tab's total.
  const live = await page.getByTestId("panel-tab-check").innerText();
  const liveTotal = [...live.matchAll(/\d+/g)].reduce((n, m) => n + Number(m[0]), 0);
  expect(Number(seen.counts.at(-1))).toBe(liveTotal);
  expect(liveTotal).toBeGreaterThan(0);
  // The read-only view followed the replay to the end: the board as it is now.
  const liveIds = await page.evaluate(() =>
    window
      .archboard!.elements()
      .map((e) => e.id)
      .sort(),
  );
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window.archboardPast?.elements() ?? [])
          .filter((e) => !e.isDeleted)
          .map((e) => e.id)
          .sort(),
      ),
    )
    .toEqual(liveIds);
  await page.screenshot({ path: `tests/e2e/.artifacts/replay/replay-ended.png` });

  // Back at the first change, "Next change" steps forward one change at a time.
  await page.getByTestId("history-scrubber").focus();
  await page.keyboard.press("Home");
  await replay.getByTestId("replay-step").click();
  const first = Number(await moment.getAttribute("data-at"));
  await replay.getByTestId("replay-step").click();
  await expect.poll(async () => Number(await moment.getAttribute("data-at"))).toBeGreaterThan(first);
  await page.screenshot({ path: `tests/e2e/.artifacts/replay/replay-stepped.png` });

  // A time-lapse can be cancelled, and made: a real WebM with a video track of a few seconds.
  await replay.getByTestId("timelapse-export").click();
  await expect(replay.getByTestId("timelapse-progress")).toBeVisible();
  await page.screenshot({ path: `tests/e2e/.artifacts/replay/timelapse-rendering.png` });
  await replay.getByTestId("timelapse-cancel").click();
  await expect(replay.getByTestId("timelapse-export")).toBeVisible();
  const download = page.waitForEvent("download", { timeout: 90_000 });
  await replay.getByTestId("timelapse-export").click();
  const video = await download;
  expect(video.suggestedFilename()).toMatch(/time-lapse\.webm$/);
  const bytes = await downloadBytes(video);
  writeFileSync("tests/e2e/.artifacts/replay/time-lapse.webm", bytes); // to look at
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
  const webm = readWebm(bytes);
  const track = webm.tracks.find((t) => t.type === 1);
  expect(track?.codec).toMatch(/^V_VP[89]$/);
  expect([track?.width, track?.height]).toEqual([1280, 720]);
  expect(webm.frames).toBeGreaterThanOrEqual(30);
  expect(webm.keyframes).toBeGreaterThanOrEqual(1);
  expect(webm.spanMs).toBeGreaterThanOrEqual(2_500);
  expect(bytes.length).toBeGreaterThan(20_000);
});
