// A deployment's first run: its own stack with no demo accounts and no batches (e2e/fresh/).
import { defineConfig, devices } from "@playwright/test";

import { freshStack } from "./e2e/stack";
import { browserUse, stackServer } from "./playwright.shared";

export default defineConfig({
  testDir: "e2e/fresh",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report-fresh" }]] : "list",
  use: { ...devices["Desktop Chrome"], ...browserUse(freshStack) },
  webServer: stackServer(freshStack, { DEMO_USERS: "0" }),
});
