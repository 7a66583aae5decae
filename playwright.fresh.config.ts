// A deployment's first run: its own stack with no demo accounts and no batches (e2e/fresh/).
import { defineConfig, devices } from "@playwright/test";

import { findChromium } from "./e2e/browser";
import { chainlinkSecret, freshStack } from "./e2e/stack";

const baseURL = `http://127.0.0.1:${freshStack.port}`;

export default defineConfig({
  testDir: "e2e/fresh",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report-fresh" }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  },
  webServer: {
    command: "node --import tsx scripts/stack.ts start --fresh",
    url: `${baseURL}/api/health`,
    env: {
      NEXT_DIST_DIR: ".next-test",
      DATA_DIR: freshStack.dataDir,
      PORT: String(freshStack.port),
      PG_PORT: String(freshStack.pgPort),
      ANVIL_PORT: String(freshStack.anvilPort),
      SMTP_PORT: String(freshStack.smtpPort),
      DEMO_BATCHES: "0",
      DEMO_USERS: "0",
      CHAINLINK_SECRET: chainlinkSecret,
      SYNC_CRON: "0 0 1 1 *",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
