// The Add New Batch page when the indexer is not there: a mint waits only so long before saying so,
// and a token minted meanwhile is imported from the chain by its id.
import { expect, test, type APIRequestContext } from "@playwright/test";

import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { fillBatchForm } from "./batch-form";
import { query } from "./db";
import { batchTokenAddress, giveMockWallet, rpcUrl } from "./stack";

const client = createChainClient(rpcUrl, 31337);

const listening = async (request: APIRequestContext, active: boolean) =>
  expect((await request.post("/api/blockchain-events/toggle-listening", { data: { active } })).status()).toBe(200);

test("with the listener paused, a mint from the page says it is not indexed by its deadline; Check again lands on the batch once resumed", async ({
  context,
  page,
  request,
}) => {
  await giveMockWallet(context, devAccount(1).address);
  await page.goto("/batches/new");
  await page.getByRole("button", { name: /^Connect / }).click();
  await expect(page.getByText("Connected:")).toBeVisible();
  const code = `E2E-LATE-${Date.now().toString(36).toUpperCase()}`;
  await fillBatchForm(page, code, "120", "8.10");
  await listening(request, false);
  try {
    await page.getByRole("button", { name: "Mint batch" }).click();
    const late = page.getByRole("alert").filter({ hasText: "not indexed within 20 seconds" });
    await expect(late).toBeVisible({ timeout: 40_000 });
    await expect(page).toHaveURL(/\/batches\/new$/);
    expect(await query("select 1 from batches where batch_code = $1 and token_id is not null", [code])).toHaveLength(0);
  } finally {
    await listening(request, true);
  }
  await expect(async () => {
    await page.getByRole("button", { name: "Check again" }).click();
    await expect(page).toHaveURL(/\/batches\/\d+$/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(code);
});

test("an operator imports a token minted while the listener was paused by its id, and its row is created", async ({
  page,
  request,
}) => {
  const [batch] = demoBatches(1, new Date(), 41);
  batch.metadata.batch_code = `E2E-IMPORT-${Date.now().toString(36).toUpperCase()}`;
  await listening(request, false);
  let tokenId: bigint;
  try {
    ({ tokenId } = await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(2), batch));
    expect(await query("select 1 from batches where token_id = $1", [String(tokenId)])).toHaveLength(0);
    await page.goto("/batches/new");
    await page.getByLabel("Token id").fill(String(tokenId));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page).toHaveURL(/\/batches\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(batch.metadata.batch_code);
    const rows = await query<{ id: string }>("select id from batches where token_id = $1", [String(tokenId)]);
    expect(rows).toHaveLength(1);
    expect(page.url()).toMatch(new RegExp(`/batches/${rows[0].id}$`));

    // An unknown token is refused beside the field, and nothing is created.
    await page.goto("/batches/new");
    await page.getByLabel("Token id").fill("987654321");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: /987654321/ })).toBeVisible();
    expect(await query("select 1 from batches where token_id = 987654321")).toHaveLength(0);
  } finally {
    await listening(request, true);
  }
});
