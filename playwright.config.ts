import { defineConfig, devices } from "@playwright/test";

import { findChromium } from "./e2e/browser";
import { chainlinkSecret, cronSecret, stack, storageStateFor } from "./e2e/stack";

const baseURL = `http://127.0.0.1:${stack.port}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  },
  projects: [
    // The RPC outage runs as setup's teardown: after every project that depends on setup, so it stops anvil last.
    { name: "setup", testMatch: /auth\.setup\.ts/, teardown: "rpc-outage" },
    // Specs run as the operator unless they choose another role.
    {
      name: "chromium",
      testIgnore: /sign-in-rate-limit|rpc-outage|dev-server|fresh\//,
      use: { ...devices["Desktop Chrome"], storageState: storageStateFor("operator") },
      dependencies: ["setup"],
    },
    { name: "rate-limit", testMatch: /sign-in-rate-limit/, dependencies: ["chromium"] },
    // `npm run dev` in a copy of the project, on its own ports and data.
    { name: "dev-server", testMatch: /dev-server/ },
    {
      name: "rpc-outage",
      testMatch: /rpc-outage/,
      use: { ...devices["Desktop Chrome"], storageState: storageStateFor("operator") },
    },
  ],
  webServer: {
    // The whole embedded stack on its own ports and data, serving the production build.
    command: "node --import tsx scripts/stack.ts start --fresh",
    url: `${baseURL}/api/health`,
    env: {
      NEXT_DIST_DIR: ".next-test",
      DATA_DIR: stack.dataDir,
      PORT: String(stack.port),
      PG_PORT: String(stack.pgPort),
      ANVIL_PORT: String(stack.anvilPort),
      SMTP_PORT: String(stack.smtpPort),
      DEMO_BATCHES: String(stack.demoBatches),
      WALLET_MOCK: "1",
      CHAINLINK_SECRET: chainlinkSecret,
      CRON_SECRET: cronSecret,
      SSE_MAX_SECONDS: "4",
      SYNC_CRON: "0 0 1 1 *",
      ANCHOR_CRON: "* * * * *",
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
