// What playwright.config.ts and playwright.fresh.config.ts share: Debian's chromium, and the
// embedded stack each starts, on its own ports and data, serving the production build.
import type { PlaywrightTestConfig } from "@playwright/test";

import { findChromium } from "./e2e/browser";
import { chainlinkSecret, type stack } from "./e2e/stack";

type Stack = typeof stack;

export const baseURLOf = (s: Stack) => `http://127.0.0.1:${s.port}`;

/** The browser every project uses, with a trace and a screenshot kept when a test fails. */
export const browserUse = (s: Stack) =>
  ({
    baseURL: baseURLOf(s),
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  }) satisfies PlaywrightTestConfig["use"];

/** The whole embedded stack from scratch (`stack.ts start --fresh`), with `env` on top of what both stacks set. */
export const stackServer = (s: Stack, env: Record<string, string>) =>
  ({
    command: "node --import tsx scripts/stack.ts start --fresh",
    url: `${baseURLOf(s)}/api/health`,
    env: {
      NEXT_DIST_DIR: ".next-test",
      DATA_DIR: s.dataDir,
      PORT: String(s.port),
      PG_PORT: String(s.pgPort),
      ANVIL_PORT: String(s.anvilPort),
      SMTP_PORT: String(s.smtpPort),
      DEMO_BATCHES: String(s.demoBatches),
      CHAINLINK_SECRET: chainlinkSecret,
      SYNC_CRON: "0 0 1 1 *",
      // The monitoring agent runs often enough for a spec to see its alerts and proposals.
      MONITOR_INTERVAL_SECONDS: "5",
      ...env,
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  }) satisfies PlaywrightTestConfig["webServer"];
