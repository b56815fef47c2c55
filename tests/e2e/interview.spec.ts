import type { Download, Page } from "@playwright/test";
import { expect, test, drawBox, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { downloadBytes } from "./support/files.ts";
import { expectSameScene, joinAs, sceneKey, startInterview } from "./support/collab.ts";

const SHOTS = "tests/e2e/.artifacts/interview";
const NOTE = "Skipped the read/write ratio; estimate 12k QPS was right";

const clockOf = (p: Page) => p.getByTestId("interview-clock");

test("a short mock interview with an interviewer, a candidate and an observer", async ({ page, browser, server }) => {
  test.slow(); // three browsers through every phase on a shared machine
  await page.addInitScript(() =>
    localStorage.setItem("archboard:identity", JSON.stringify({ name: "Ivy", color: "#7048e8" })),
  );
  const links = await startInterview(page);
  await expect(page.getByTestId("role")).toHaveText("Interviewer");

  // Every byte the candidate's browser receives, to prove the notes never reach it.
  const candidateFrames: string[] = [];
  const candidate = await joinAs(browser, server.url, links.candidate, "Cai", async (context) => {
    context.on("page", (p) =>
      p.on("websocket", (ws) =>
        ws.on("framereceived", (f) =>
          candidateFrames.push(typeof f.payload === "string" ? f.payload : f.payload.toString("latin1")),
        ),
      ),
    );
  });
  const observer = await joinAs(browser, server.url, links.observer, "Oli");
  try {
    await expect(candidate.getByTestId("role")).toHaveText("Candidate");
    await expect(observer.getByTestId("role")).toHaveText("Observer");

    // The interviewer picks a prompt: everyone sees the statement, only the interviewer the hints.
    await page.getByLabel("Choose a prompt").selectOption("url-shortener");
    for (const p of [page, candidate, observer])
      await expect(p.getByTestId("prompt-statement")).toContainText("Design a URL shortening service");
    await expect(page.getByTestId("interviewer-hints")).toBeVisible();
    await expect(candidate.getByTestId("interviewer-hints")).toHaveCount(0);
    await expect(observer.getByTestId("interviewer-hints")).toHaveCount(0);

    // Clock: started and advanced by the interviewer, the same phase everywhere.
    await page.getByRole("button", { name: "Start interview" }).click();
    for (const p of [page, candidate, observer]) {
      await expect(clockOf(p)).toHaveAttribute("data-status", "running");
      await expect(clockOf(p)).toHaveAttribute("data-phase", "clarify");
    }
    await expect(candidate.getByRole("button", { name: "Start interview" })).toHaveCount(0);
    await candidate.getByLabel("Expected QPS and read/write ratio").check();
    await expect(page.getByLabel("Expected QPS and read/write ratio")).toBeChecked();
    await page.getByRole("button", { name: "Next phase" }).click();
    for (const p of [page, candidate, observer]) await expect(clockOf(p)).toHaveAttribute("data-phase", "estimate");

    // One click and the interviewer follows the candidate's viewport.
    await page.getByTestId("follow-candidate").click();
    await expect.poll(() => page.evaluate(() => window.archboard!.appState().userToFollow?.username)).toBe("Cai");
    await page.mouse.move(700, 600);
    await page.mouse.wheel(0, 200); // panning ends following, as in any follow mode
    await expect.poll(() => page.evaluate(() => window.archboard!.appState().userToFollow)).toBeNull();
    await page.mouse.wheel(0, -200);

    // The candidate draws; everyone sees it.
    await drawBox(candidate, 300, 300, 180, 90, "Client");
    await drawBox(candidate, 650, 300, 180, 90, "API Servers");
    await expectSameScene(page, candidate);
    await expectSameScene(observer, candidate);
    const before = await sceneKey(candidate);

    // The observer tries to change the board: drawing and deleting do nothing anywhere.
    await observer.keyboard.press("r");
    await observer.mouse.move(400, 600);
    await observer.mouse.down();
    await observer.mouse.move(600, 700, { steps: 5 });
    await observer.mouse.up();
    await observer.keyboard.press("Control+a");
    await observer.keyboard.press("Delete");
    await observer.waitForTimeout(800);
    for (const p of [page, candidate, observer]) expect(await sceneKey(p)).toEqual(before);

    // Private notes and rubric: written by the interviewer, never sent to the candidate.
    await page.getByLabel("New note").fill(NOTE);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("notes")).toContainText(NOTE);
    await page.getByRole("radiogroup", { name: "Scale estimation score" }).getByRole("radio", { name: "3" }).click();
    await page.getByLabel("Final signal").selectOption("hire");
    await page.screenshot({ path: `${SHOTS}/interviewer.png` });
    await candidate.screenshot({ path: `${SHOTS}/candidate.png` });
    await observer.screenshot({ path: `${SHOTS}/observer.png` });
    await candidate.waitForTimeout(500);
    expect(candidateFrames.length).toBeGreaterThan(0);
    expect(candidateFrames.some((f) => f.includes("read/write ratio; estimate"))).toBe(false);
    await expect(candidate.getByText(NOTE)).toHaveCount(0);

    // The report: the interviewer's copy has everything; the candidate's, once shared, has no private notes.
    const [md, png] = (await downloads(page, () => page.getByTestId("download-report").click())) as [
      Download,
      Download,
    ];
    const report = (await downloadBytes(md)).toString("utf8");
    expect(md.suggestedFilename()).toMatch(/report\.md$/);
    expect(report).toContain("URL shortener");
    expect(report).toMatch(/\| Clarify requirements \| 5 min \| [\d.]+ min \|/);
    expect(report).toContain("| Estimate scale | 5 min | not reached |");
    expect(report).toContain("## Diagram check at the end");
    expect(report).toContain("| Scale estimation | 3 / 4 |");
    expect(report).toContain("**Final signal:** Hire");
    expect(report).toContain(NOTE);
    expect((await downloadBytes(png)).subarray(1, 4).toString()).toBe("PNG");

    await page.getByTestId("share-report").click();
    const [cmd] = (await downloads(candidate, () => candidate.getByTestId("download-report").click())) as [
      Download,
      Download,
    ];
    const candidateReport = (await downloadBytes(cmd)).toString("utf8");
    expect(candidateReport).toContain("**Final signal:** Hire");
    expect(candidateReport).not.toContain(NOTE);
    expect((await sceneElements(observer)).length).toBe(before.length);
  } finally {
    await candidate.context().close();
    await observer.context().close();
  }
});

async function downloads(page: Page, action: () => Promise<unknown>): Promise<Download[]> {
  const got: Download[] = [];
  const listener = (d: Download) => got.push(d);
  page.on("download", listener);
  await action();
  await expect.poll(() => got.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  page.off("download", listener);
  return got.sort(
    (a, b) => (a.suggestedFilename().endsWith(".md") ? -1 : 1) - (b.suggestedFilename().endsWith(".md") ? -1 : 1),
  );
}

test("a forged or foreign invite is refused and the app says why", async ({ page, browser, server }) => {
  const links = await startInterview(page);
  const forged = links.candidate.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  const context = await browser.newContext({ baseURL: server.url });
  const stranger = await context.newPage();
  try {
    await stranger.goto(forged);
    await expect(stranger.getByTestId("connection-refused")).toHaveAttribute("data-code", "4403");
    await expect(stranger.getByTestId("connection-refused")).toContainText("not valid");
    // Turned away: no session panel, no way to draw on a board nobody will see.
    await expect(stranger.getByTestId("role")).toHaveCount(0);
    await expect.poll(() => stranger.evaluate(() => window.archboard?.appState().viewModeEnabled)).toBe(true);
  } finally {
    await context.close();
  }
  // No token at all: a fresh browser opening the bare room link.
  const bare = await browser.newContext({ baseURL: server.url });
  try {
    const p = await bare.newPage();
    const roomId = new URL(links.candidate).pathname.split("/")[2]!;
    await p.goto(`/r/${roomId}`);
    await expect(p.getByTestId("connection-refused")).toHaveAttribute("data-code", "4401");
    await expect(p.getByTestId("connection-refused")).toContainText("needs an invite link");
  } finally {
    await bare.close();
  }
});

test("the clock agrees across machines whose system clocks disagree", async ({ page, browser, server }) => {
  const links = await startInterview(page);
  // The candidate's laptop runs 7 minutes fast.
  const candidate = await joinAs(browser, server.url, links.candidate, "Cai", async (context) => {
    await context.addInitScript(() => {
      const skew = 7 * 60_000;
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + skew;
    });
  });
  try {
    await page.getByRole("button", { name: "Start interview" }).click();
    const seconds = async (p: typeof page) => {
      const text = (await p.getByTestId("interview-clock").locator(".ab-clock__time").textContent()) ?? "";
      const [m, s] = text.split(":").map(Number);
      return (m ?? 0) * 60 + (s ?? 0);
    };
    await expect(candidate.getByTestId("interview-clock")).toHaveAttribute("data-status", "running");
    await page.waitForTimeout(1500);
    const [a, b] = [await seconds(page), await seconds(candidate)];
    expect(a).toBeGreaterThan(4 * 60);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(2);
    // A reload keeps the same reading: times are stored, not counted.
    await candidate.reload();
    await waitForEditor(candidate, /\/r\//);
    await expect(candidate.getByTestId("interview-clock")).toHaveAttribute("data-status", "running");
    await expect.poll(async () => Math.abs((await seconds(page)) - (await seconds(candidate)))).toBeLessThanOrEqual(2);
  } finally {
    await candidate.context().close();
  }
});
