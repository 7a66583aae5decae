// The README's `npm run dev` in a copy of the project that already holds a production build (as it
// does after `npm run build` or `npm test`): pages load once, sign-in works, and a second run keeps its data.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { demoPassword, demoUsers } from "@/scripts/lib/demo-users";

import { cloneProject, removeClone, startDev, type Dev } from "./dev-clone";
import { submitSignIn } from "./sign-in";
import { stack } from "./stack";

test.describe.configure({ mode: "serial", timeout: 600_000 });

// Beside the e2e stack's ports and the fresh stack's (+1).
const ports = {
  port: stack.port + 2,
  pgPort: stack.pgPort + 2,
  anvilPort: stack.anvilPort + 2,
  smtpPort: stack.smtpPort + 2,
};
const operator = demoUsers.find((u) => u.role === "operator")!;
let dir: string;

test.beforeAll(() => {
  test.setTimeout(600_000);
  dir = cloneProject();
  execFileSync("npm", ["run", "build"], { cwd: dir, stdio: "ignore", env: { ...process.env, NEXT_DIST_DIR: "" } });
});
test.afterAll(() => removeClone(dir));

/** Opens /sign-in and counts the page's own navigations for 10 s, while the stack's data folder is written to. */
async function countNavigations(page: Page, dev: Dev): Promise<number> {
  let count = 0;
  page.on("framenavigated", (frame) => void (frame === page.mainFrame() && count++));
  await page.goto(`${dev.url}/sign-in`, { timeout: 180_000 });
  // The writes anvil and Postgres make under .data/ while the stack runs: the dev server must not react.
  const probe = path.join(dir, ".data", "probe");
  mkdirSync(probe, { recursive: true });
  for (let i = 0; i < 50; i++) {
    writeFileSync(path.join(probe, `file-${i % 5}.json`), JSON.stringify({ i }));
    await page.waitForTimeout(200);
  }
  return count;
}

async function signIn(page: Page) {
  await submitSignIn(page, operator.email, demoPassword);
  await expect(page).toHaveURL(/\/inventory/, { timeout: 120_000 });
  await expect(page.getByRole("heading", { name: /inventory/i })).toBeVisible({ timeout: 120_000 });
}

const batchCount = async (page: Page, dev: Dev) => {
  const res = await page.request.get(`${dev.url}/api/batches?limit=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()).data as unknown[]).length;
};

/**
 * Starts `npm run dev`, opens /sign-in (loaded once, not reloaded by the stack's writes), signs in and runs
 * `then`; stops the stack after and keeps what it printed with the test's results, to read when it fails.
 */
async function signedInOnDev(browser: Browser, then: (page: Page, dev: Dev) => Promise<void>) {
  const dev = await startDev(dir, ports);
  try {
    const page = await browser.newPage();
    expect(await countNavigations(page, dev)).toBeLessThanOrEqual(2);
    await signIn(page);
    await then(page, dev);
  } finally {
    await dev.stop();
    await test.info().attach("npm run dev output", { body: dev.log(), contentType: "text/plain" });
  }
}

test("npm run dev beside a production build loads each page once and signs in", ({ browser }) =>
  signedInOnDev(browser, async (page, dev) => {
    await expect.poll(() => batchCount(page, dev), { timeout: 120_000 }).toBe(6);
  }));

test("a second npm run dev reuses .data: the demo data is kept, nothing is minted again", ({ browser }) =>
  signedInOnDev(browser, async (page, dev) => {
    expect(await batchCount(page, dev)).toBe(6);
    expect(dev.log()).not.toContain("minting");
  }));
