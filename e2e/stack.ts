// The e2e stack's settings, shared by playwright.config.ts and the specs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import type { Address } from "viem";

import { mockWalletCookie } from "@/lib/wallet/config";

// E2E_PORT moves the whole stack (app, Postgres and anvil ports) so two checkouts can run e2e at once.
// Every port stays below Linux's ephemeral range (32768–60999): a client socket there once took the fresh stack's Postgres port.
const base = Number(process.env.E2E_PORT ?? 3100);
export const stack = {
  port: base,
  pgPort: base + 21239,
  anvilPort: base + 5455,
  smtpPort: base + 22000,
  dataDir: ".data/e2e",
  demoBatches: 60,
};
/** A second stack with no demo accounts and no batches: a deployment's first run (playwright.fresh.config.ts). */
export const freshStack = {
  port: base + 1,
  pgPort: base + 21240,
  anvilPort: base + 5456,
  smtpPort: base + 22001,
  dataDir: ".data/e2e-fresh",
  demoBatches: 0,
};
/** The secret the e2e stack expects from the Chainlink DON (a test value, never a real one). */
export const chainlinkSecret = "e2e-chainlink-secret-0123456789abcdef";
/** The secret the e2e stack expects from a cron caller (CRON_SECRET; a test value). */
export const cronSecret = "e2e-cron-secret-0123456789abcdef";
export const rpcUrl = `http://127.0.0.1:${stack.anvilPort}`;

export function batchTokenAddress(): Address {
  const file = path.resolve(import.meta.dirname, "..", stack.dataDir, "deployments", "31337.json");
  return JSON.parse(readFileSync(file, "utf8")).batchToken.address;
}

/** Where the setup project keeps each role's signed-in browser state. */
export const storageStateFor = (role: string) =>
  path.resolve(import.meta.dirname, "..", stack.dataDir, "auth", `${role}.json`);

/** Gives the browser wagmi's mock wallet holding `account` (an unlocked anvil account). */
export const giveMockWallet = (context: BrowserContext, account: Address) =>
  context.addCookies([{ name: mockWalletCookie, value: account, url: `http://127.0.0.1:${stack.port}` }]);
