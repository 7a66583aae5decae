import { defineConfig, devices } from "@playwright/test";

import { cronSecret, stack, storageStateFor } from "./e2e/stack";
import { browserUse, stackServer } from "./playwright.shared";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: browserUse(stack),
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
  // The whole embedded stack on its own ports and data, serving the production build.
  webServer: stackServer(stack, {
    WALLET_MOCK: "1",
    CRON_SECRET: cronSecret,
    SSE_MAX_SECONDS: "4",
    ANCHOR_CRON: "* * * * *",
  }),
});
