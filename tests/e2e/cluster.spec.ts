import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { startPostgres, type PostgresCluster } from "@archboard/server/testing/postgres";
import { startRedis, type RedisServer } from "@archboard/server/testing/redis";
import { expect, test, drawBox, newBoard, sceneElements, waitForEditor } from "./support/fixtures.ts";
import { collaborators, expectSameScene, joinAs, shareBoard } from "./support/collab.ts";
import { removeDir, startServer, type RunningServer } from "./support/server.ts";

/** The same link on another server: what a proxy sending someone elsewhere amounts to. */
const on = (server: RunningServer, link: string) => {
  const url = new URL(link);
  return `${server.url}${url.pathname}${url.search}`;
};

async function personOn(browser: Browser, server: RunningServer, name: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
  await context.addInitScript((n) => {
    localStorage.setItem("archboard:identity", JSON.stringify({ name: n, color: "#7048e8" }));
  }, name);
  return context.newPage();
}

test.describe("people on different servers sharing PostgreSQL and Redis", () => {
  let pg: PostgresCluster;
  let redis: RedisServer;
  const servers: RunningServer[] = [];

  test.beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, ARCHBOARD_SECRET: randomBytes(24).toString("hex") };
    servers.push(...(await Promise.all([0, 1, 2].map(() => startServer({ env })))));
  });

  test.afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      removeDir(s.dataDir);
    }
    await Promise.allSettled([pg?.destroy(), redis?.destroy()]);
  });

  test("two browsers on two servers draw together and see each other's cursor", async ({ browser }) => {
    const [one, two] = servers as [RunningServer, RunningServer];
    const a = await personOn(browser, one, "Ada");
    await newBoard(a, "Across servers");
    await drawBox(a, 300, 300, 180, 90, "Gateway");
    const link = await shareBoard(a);
    const b = await joinAs(browser, two.url, on(two, link), "Bea");
    try {
      await expectSameScene(a, b);
      await drawBox(b, 700, 300, 180, 90, "Queue");
      await expectSameScene(a, b);
      expect((await sceneElements(a)).some((e) => e.text === "Queue")).toBe(true);
      await a.mouse.move(600, 600);
      await a.mouse.move(620, 610, { steps: 3 });
      await expect
        .poll(async () => (await collaborators(b)).map((c) => [c.username, c.pointer !== null]))
        .toEqual([["Ada", true]]);
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test("a mock interview: interviewer, candidate and observer each on their own server", async ({ browser }) => {
    test.slow(); // three browsers on three servers on a shared machine
    const [one, two, three] = servers as [RunningServer, RunningServer, RunningServer];
    const interviewer = await personOn(browser, one, "Ivy");
    await interviewer.goto("/");
    await interviewer.getByTestId("mock-interview").click();
    await interviewer.getByTestId("create-interview").click();
    const invite = (role: string) => interviewer.getByTestId(`invite-${role}`).locator("input").inputValue();
    const links = { candidate: await invite("candidate"), observer: await invite("observer") };
    await interviewer.getByTestId("open-as-interviewer").click();
    await waitForEditor(interviewer, /\/r\//);
    // Invites signed by server one are accepted by the others.
    const candidate = await joinAs(browser, two.url, on(two, links.candidate), "Cai");
    const observer = await joinAs(browser, three.url, on(three, links.observer), "Oli");
    try {
      await expect(candidate.getByTestId("role")).toHaveText("Candidate");
      await expect(observer.getByTestId("role")).toHaveText("Observer");
      await interviewer.getByLabel("Choose a prompt").selectOption("url-shortener");
      for (const p of [candidate, observer])
        await expect(p.getByTestId("prompt-statement")).toContainText("Design a URL shortening service");
      await expect(candidate.getByTestId("interviewer-hints")).toHaveCount(0);

      await drawBox(candidate, 300, 300, 180, 90, "Client");
      for (const p of [interviewer, observer])
        await expect.poll(async () => (await sceneElements(p)).some((e) => e.text === "Client")).toBe(true);
      // The observer's own drawing never reaches anyone: read-only whichever server it is on.
      await drawBox(observer, 700, 500, 120, 60);
      await drawBox(candidate, 700, 300, 120, 60, "Server");
      await expect.poll(async () => (await sceneElements(interviewer)).some((e) => e.text === "Server")).toBe(true);
      expect((await sceneElements(interviewer)).filter((e) => e.type === "rectangle")).toHaveLength(2);
    } finally {
      for (const p of [interviewer, candidate, observer]) await p.context().close();
    }
  });
});
