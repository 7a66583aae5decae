// Chainlink Functions against the running stack: the worker's local DON calls the real Next.js
// routes. A verifier asks from the batch page; the check moves from sent to applied, and the batch
// ends verified on chain and in Postgres. Unsigned calls are refused and recorded.
import { expect, request as playwrightRequest, test } from "@playwright/test";

import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { decodeAnswer } from "@/lib/chainlink/answer";
import { signedHeaders } from "@/lib/chainlink/signature";

import { query } from "./db";
import { mintFreshBatch } from "./fresh-batch";
import { batchTokenAddress, chainlinkSecret, giveMockWallet, rpcUrl, stack, storageStateFor } from "./stack";

const baseURL = `http://127.0.0.1:${stack.port}`;
type Batch = { id: number; token_id: string };

/** A minted batch nothing has touched yet, far from expiry. */
const freshBatch = (): Promise<Batch> => mintFreshBatch("E2E-CL");

const tally = async () =>
  (
    await query<{ calls: number; audited: number }>(
      "select (select count(*)::int from chainlink_calls) as calls, (select count(*)::int from audit_records where entity = 'chainlink_request') as audited",
    )
  )[0];

test("the routes refuse an unsigned call, record it, and answer a signed one with 160 bytes", async () => {
  const api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const { token_id } = await freshBatch();
  const path = `/api/chainlink/quality-check/${token_id}`;
  const body = JSON.stringify({ chainlink_request_id: `0x${"c0ffee".padEnd(64, "0")}` });

  const before = await tally();
  const refused = await api.post(path, { data: body, headers: { "content-type": "application/json" } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toMatch(/not signed/);
  // Stored, but not audited: it never proved it holds the secret.
  expect(await tally()).toEqual({ calls: before.calls + 1, audited: before.audited });
  const [last] = await query<{ outcome: string; status: number }>(
    "select outcome, status from chainlink_calls order by id desc limit 1",
  );
  expect(last).toEqual({ outcome: "refused", status: 401 });

  const answered = await api.post(path, {
    data: body,
    headers: { "content-type": "application/json", ...signedHeaders(chainlinkSecret, { method: "POST", path, body }) },
  });
  expect(answered.status()).toBe(200);
  const json = await answered.json();
  expect((json.answer.length - 2) / 2).toBe(160);
  expect(decodeAnswer(json.answer)).toMatchObject({
    tokenId: BigInt(token_id),
    check: "quality_check",
    passed: false,
    code: 0,
  });
  await api.dispose();
});

test("a verifier asks Chainlink from the batch page; the batch ends verified on chain and in Postgres", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const batch = await freshBatch();
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  // Graded specialty, so the verification the DON asks for can pass.
  const graded = await admin.post(`/api/batches/${batch.id}/quality-check`, {
    data: { cupping_score: 87, moisture_pct: 10.5, primary_defects: 0, secondary_defects: 1, screen_size: 17 },
  });
  expect(graded.status()).toBe(201);
  await admin.dispose();

  const context = await browser.newContext({ storageState: storageStateFor("verifier") });
  await giveMockWallet(context, devAccount(0).address);
  const page = await context.newPage();
  await page.goto(`/batches/${batch.id}`);
  const section = page.getByRole("region", { name: "Chainlink checks" });
  await expect(section.getByText("No Chainlink check has been asked for this batch.")).toBeVisible();
  await section.getByRole("button", { name: /^Connect / }).click();
  await expect(section.getByText("Connected:")).toBeVisible();
  await section.getByRole("button", { name: "Verify via Chainlink" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Sent to the DON in 0x/ })).toBeVisible({ timeout: 20_000 });

  // The page follows the check live: sent, then applied once the callback is indexed.
  const check = section.getByTestId("chainlink-check").first();
  await expect(check).toHaveAttribute("data-stage", /sent|answered|fulfilled|applied/);
  await expect(check).toHaveAttribute("data-stage", "applied", { timeout: 60_000 });
  await expect(check).toContainText("passed");
  await expect(page.getByTestId("verification-status")).toContainText("On chain: verified", { timeout: 20_000 });

  const onchain = await createChainClient(rpcUrl, 31337).readContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    functionName: "getBatch",
    args: [BigInt(batch.token_id)],
  });
  expect(onchain.verified).toBe(true);
  const [row] = await query<{ status: string; verification_status: string }>(
    "select status, verification_status from batches where id = $1",
    [batch.id],
  );
  expect(row).toEqual({ status: "verified", verification_status: "verified" });
  const calls = await query<{ outcome: string }>(
    "select c.outcome from chainlink_calls c join chainlink_requests r on r.id = c.chainlink_request_id where r.batch_id = $1",
    [batch.id],
  );
  expect(calls.map((c) => c.outcome)).toEqual(["answered", "answered", "answered", "answered"]);
  await context.close();
});
