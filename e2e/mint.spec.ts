import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { gramsToKg } from "@/lib/chain/units";

import { fillBatchForm } from "./batch-form";
import { batchTokenAddress, giveMockWallet, rpcUrl } from "./stack";

const client = createChainClient(rpcUrl, 31337);
const batchCount = () =>
  client.readContract({ address: batchTokenAddress(), abi: batchTokenAbi, functionName: "batchCount" });

/** Opens the page with wagmi's mock connector holding `account` (an unlocked anvil account). */
async function connectAs(context: BrowserContext, page: Page, account: `0x${string}`) {
  await giveMockWallet(context, account);
  await page.goto("/batches/new");
  await page.getByRole("button", { name: /^Connect / }).click();
  await expect(page.getByText("Connected:")).toBeVisible();
}

test("a producer mints a batch from the page and lands on its detail page with the transaction", async ({
  context,
  page,
}) => {
  const producer = devAccount(1).address;
  await connectAs(context, page, producer);
  const code = `KEN-NYE-2026-${Date.now().toString(36).toUpperCase()}`;
  await fillBatchForm(page, code, "1234.567", "9.85");
  const mint = page.getByRole("button", { name: "Mint batch" });
  await expect(mint).toBeEnabled();
  await mint.click();

  await expect(page).toHaveURL(/\/batches\/\d+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
  const txHash = (await page.getByTestId("mint-tx-hash").innerText()) as `0x${string}`;
  expect(txHash).toMatch(/^0x[0-9a-f]{64}$/);
  await expect(page.locator('tr[data-differs="true"]')).toHaveCount(0);

  const receipt = await client.getTransactionReceipt({ hash: txHash });
  expect(receipt.status).toBe("success");
  expect(receipt.from.toLowerCase()).toBe(producer.toLowerCase());
  const tokenId = (await page.locator("text=/token #\\d+/").innerText()).replace(/\D/g, "");
  const onchain = await client.readContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "getBatch",
    args: [BigInt(tokenId)],
  });
  expect(gramsToKg(onchain.quantity)).toBe("1234.567");

  await page.goto(`/inventory?q=${code}`);
  await expect(page.locator(`tbody tr[data-token-id="${tokenId}"]`)).toContainText(code);
});

test("a wallet without the minter role is told so before any prompt, and nothing is sent", async ({
  context,
  page,
  request,
}) => {
  const before = await batchCount();
  await connectAs(context, page, devAccount(5).address);
  await expect(page.getByRole("alert").filter({ hasText: "does not have the minter role" })).toBeVisible();

  const code = `NOROLE-${Date.now().toString(36).toUpperCase()}`;
  await fillBatchForm(page, code, "1234.567", "9.85");
  await expect(page.getByRole("button", { name: "Mint batch" })).toBeDisabled();
  await page.getByRole("button", { name: "Mint batch" }).click({ force: true });

  expect(await batchCount()).toBe(before);
  const listed = await (await request.get(`/api/batches?q=${code}`)).json();
  expect(listed.data).toEqual([]);
});
