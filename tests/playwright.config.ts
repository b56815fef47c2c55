import { defineConfig } from "@playwright/test";

/**
 * Browser tests run the real built app on the real server (each test file
 * starts its own on an ephemeral loopback port) in Debian's Chromium.
 * CHROMIUM_PATH points elsewhere on machines that keep Chromium elsewhere.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/results",
  // A test may start servers and several browsers; two run at once on a two-core machine.
  timeout: 120_000,
  // An app waiting on its server (a refusal, a peer's edit) on a busy machine takes its time.
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
