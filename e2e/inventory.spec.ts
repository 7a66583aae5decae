import { expect, test, type Page } from "@playwright/test";
import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { gramsToKg } from "@/lib/chain/units";
import { devAccount } from "@/scripts/lib/accounts";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";
import { batchTokenAddress, rpcUrl, stack } from "./stack";

const rows = (page: Page) => page.locator("tbody tr");
const cells = (page: Page, column: string) => page.locator(`tbody td[data-column="${column}"]`).allInnerTexts();

test("lists the demo batches, each on chain with the same quantity", async ({ page }) => {
  await page.goto("/inventory?limit=100");
  await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(stack.demoBatches);

  const listed = await rows(page).evaluateAll((trs) => trs.map((tr) => ({ tokenId: tr.getAttribute("data-token-id")!, quantityKg: tr.getAttribute("data-quantity-kg")! })));
  const client = createChainClient(rpcUrl, 31337);
  const onChain = await client.readContract({ address: batchTokenAddress(), abi: batchTokenAbi, functionName: "getBatches", args: [listed.map((r) => BigInt(r.tokenId))] });
  expect(onChain.every((b) => b.status > 0)).toBe(true);
  expect(listed.map((r) => r.quantityKg)).toEqual(onChain.map((b) => gramsToKg(b.quantity)));
});

test("filters by origin with the controls, keeps the filter in the URL, and the back button undoes it", async ({ page }) => {
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();
  const origin = page.getByLabel("Origin");
  const choice = (await origin.locator("option").allInnerTexts()).find((o) => o !== "Any")!;
  await origin.selectOption(choice);
  await page.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(new RegExp(`origin_country=${encodeURIComponent(choice).replace(/%20/g, "(\\+|%20)")}`));
  await expect(rows(page).first()).toBeVisible();
  for (const text of await cells(page, "origin_country")) expect(text.startsWith(choice)).toBe(true);

  await page.goBack();
  await expect(page).not.toHaveURL(/origin_country=/);
});

test("filters by status from a shared URL", async ({ page }) => {
  await page.goto("/inventory?status=expired&limit=100");
  await expect(rows(page).first()).toBeVisible();
  expect(new Set(await cells(page, "status"))).toEqual(new Set(["expired"]));
  await expect(page.getByLabel("Status")).toHaveValue("expired");
});

test("pages forward with a cursor and back to the first page", async ({ page }) => {
  await page.goto("/inventory?sort=batch_code&order=asc&limit=10");
  const codes = () => page.locator("tbody td:first-child").allInnerTexts();
  const first = await codes();
  expect(first).toHaveLength(10);
  expect(first).toEqual([...first].sort());

  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.locator("tbody td:first-child").first()).not.toHaveText(first[0]);
  const second = await codes();
  expect(second[0] > first[9]).toBe(true);

  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page).not.toHaveURL(/cursor=/);
  await expect.poll(codes).toEqual(first);
});

test("shows an empty state, and explains an invalid filter instead of failing", async ({ page }) => {
  await page.goto("/inventory?q=no-such-batch-anywhere");
  await expect(page.getByText("No batches match these filters")).toBeVisible();
  for (const bad of ["status=lost", "q=%00", "status=active&status=verified"]) {
    await page.goto(`/inventory?${bad}`);
    await expect(page.getByText("These filters are not valid"), bad).toBeVisible();
  }
});

test("a batch minted on the running chain appears on the open page without a reload", async ({ page }) => {
  await page.goto("/inventory");
  await expect(rows(page).first()).toBeVisible();

  const [batch] = demoBatches(1, new Date(), 99);
  batch.metadata.batch_code = `E2E-LIVE-${Date.now().toString(36).toUpperCase()}`;
  const client = createChainClient(rpcUrl, 31337);
  const { tokenId } = await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(1), batch);

  const row = page.locator(`tbody tr[data-token-id="${tokenId}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText(batch.metadata.batch_code);
});
