// The Event Listener page: live feed, pause and resume, failed events and their retry, and a
// dropped connection that loses and repeats nothing.
import { expect, test, type Page, type Request } from "@playwright/test";

import { encodeMetadata } from "@/lib/batches/metadata";
import { batchTokenAbi } from "@/lib/chain/abi";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { kgToGrams } from "@/lib/chain/units";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { query } from "./db";
import { batchTokenAddress, rpcUrl, storageStateFor } from "./stack";

const client = createChainClient(rpcUrl, 31337);
const target = () => ({ client, rpcUrl, address: batchTokenAddress() });

function newBatch(tag: string) {
  const [batch] = demoBatches(1, new Date(), 7);
  batch.metadata.batch_code = `E2E-${tag}-${Date.now().toString(36).toUpperCase()}`;
  return batch;
}

const row = (page: Page, batchCode: string, name = "BatchCreated") =>
  page.getByTestId("event-row").filter({ hasText: batchCode }).filter({ hasText: name });

test("new events appear live, linked to their batch and their transaction", async ({ page }) => {
  await page.goto("/events");
  await expect(page.getByTestId("stream-state")).toHaveText("Live feed connected");
  await expect(page.getByText("Listening", { exact: true })).toBeVisible();

  const batch = newBatch("FEED");
  const { hash } = await mintBatch(target(), devAccount(1), batch);
  await expect(row(page, batch.metadata.batch_code)).toBeVisible({ timeout: 20_000 });
  await expect(row(page, batch.metadata.batch_code, "BatchMinted")).toBeVisible();

  await row(page, batch.metadata.batch_code).getByRole("link", { name: batch.metadata.batch_code }).click();
  await expect(page).toHaveURL(/\/batches\/\d+$/);
  await expect(page.getByText(batch.metadata.batch_code).first()).toBeVisible();

  await page.goto(`/events?tx_hash=${hash}`);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(3); // BatchCreated, TransferSingle, BatchMinted
  await expect(rows.filter({ hasText: "TransferSingle" })).toHaveCount(1);
});

test("pausing stops indexing until resumed, and shows on the page", async ({ page }) => {
  await page.goto("/events");
  await page.getByRole("button", { name: "Pause listening" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  try {
    const batch = newBatch("PAUSED");
    await mintBatch(target(), devAccount(1), batch);
    await page.waitForTimeout(3_000);
    expect(
      await query("select 1 from blockchain_events where args->>'metadataUri' like $1", [
        `%${batch.metadata.batch_code}%`,
      ]),
    ).toHaveLength(0);
    await expect(row(page, batch.metadata.batch_code)).toHaveCount(0);

    await page.getByRole("button", { name: "Resume listening" }).click();
    await expect(page.getByText("Listening", { exact: true })).toBeVisible();
    await expect(row(page, batch.metadata.batch_code)).toBeVisible({ timeout: 20_000 });
  } finally {
    await query("update listener_state set is_active = true");
  }
});

/** A batch whose metadata URI does not match the hash it commits to: the indexer must refuse it. */
async function mintBroken() {
  const batch = newBatch("BROKEN");
  const good = encodeMetadata(batch.metadata);
  const other = encodeMetadata({ ...batch.metadata, farm: "Not the hashed farm" });
  const producer = devAccount(1);
  const { createWalletClient, http } = await import("viem");
  const wallet = createWalletClient({ account: producer, chain: client.chain, transport: http(rpcUrl) });
  const hash = await wallet.writeContract({
    address: batchTokenAddress(),
    abi: batchTokenAbi,
    chain: client.chain,
    functionName: "createBatch",
    args: [producer.address, kgToGrams("10"), 1_700_000_000n, 1_800_000_000n, 500n, good.hash, other.uri],
  });
  await client.waitForTransactionReceipt({ hash });
}

test("a failed event shows its error, and an operator can retry it", async ({ page }) => {
  await mintBroken();
  await page.goto("/events?status=failed");
  const failed = page
    .getByTestId("event-row")
    .filter({ hasText: "BatchCreated" })
    .filter({ hasText: /metadata hash mismatch/ });
  await expect(failed.first()).toBeVisible({ timeout: 20_000 });
  const id = await failed.first().getAttribute("data-event-id");
  const [before] = await query<{ attempts: number }>("select attempts from blockchain_events where id = $1", [id]);
  await failed.first().getByRole("button", { name: "Retry" }).click();
  await expect(page.locator(`[data-event-id="${id}"] td`).nth(5)).toHaveText(String(before.attempts + 1), {
    timeout: 10_000,
  });
  await expect(page.locator(`[data-event-id="${id}"]`)).toHaveAttribute("data-status", "failed");
});

test("a dropped connection resumes without losing or repeating an event", async ({ page }) => {
  // The e2e stack ends every stream after a few seconds (SSE_MAX_SECONDS), as a serverless host would.
  const streams: Request[] = [];
  page.on("request", (r) => r.url().includes("/api/blockchain-events/stream") && streams.push(r));
  await page.goto("/events");
  await expect(page.getByTestId("stream-state")).toHaveText("Live feed connected");

  const minted = [];
  for (let i = 0; i < 6; i++) {
    const b = newBatch(`GAP-${i}`);
    await mintBatch(target(), devAccount(2), b);
    minted.push(b);
    await page.waitForTimeout(1_500);
  }
  for (const b of minted) await expect(row(page, b.metadata.batch_code)).toHaveCount(1, { timeout: 30_000 });
  const ids = await page
    .getByTestId("event-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-id")));
  expect(new Set(ids).size).toBe(ids.length);
  // The browser reconnected, and told the server the last change it had seen.
  const resumedFrom = await Promise.all(streams.map(async (r) => (await r.allHeaders())["last-event-id"]));
  expect(streams.length).toBeGreaterThanOrEqual(2);
  expect(resumedFrom.filter((id) => /^\d+$/.test(id ?? "")).length).toBeGreaterThanOrEqual(1);
});

/** The messages of a Server-Sent Events body: id, event name and parsed data. */
function parseStream(body: string) {
  return body
    .split("\n\n")
    .map((block) =>
      Object.fromEntries(
        block
          .split("\n")
          .flatMap((line) =>
            /^(id|event|data): /.test(line)
              ? [[line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]]
              : [],
          ),
      ),
    )
    .filter((m) => m.event === "event")
    .map((m) => ({ id: Number(m.id), data: JSON.parse(m.data) as { tx_hash: string; seq: number } }));
}

test("the event stream, resumed from its last id, delivers every change once and in order", async ({ request }) => {
  const [{ seq }] = await query<{ seq: string }>("select coalesce(max(seq), 0) as seq from blockchain_events");
  // Each stream ends after SSE_MAX_SECONDS; mint while the first is open and between the two.
  const first = request.get(`/api/blockchain-events/stream?after=${seq}`);
  const hashes = [(await mintBatch(target(), devAccount(3), newBatch("SSE-A"))).hash];
  const firstMessages = parseStream(await (await first).text());
  hashes.push((await mintBatch(target(), devAccount(3), newBatch("SSE-B"))).hash);
  await expect
    .poll(async () => (await query("select 1 from blockchain_events where tx_hash = $1", [hashes[1]])).length, {
      timeout: 15_000,
    })
    .toBe(3);
  const lastId = firstMessages.at(-1)?.id ?? Number(seq);
  const secondMessages = parseStream(
    await (await request.get("/api/blockchain-events/stream", { headers: { "last-event-id": String(lastId) } })).text(),
  );

  const ids = [...firstMessages, ...secondMessages].map((m) => m.id);
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(new Set(ids).size).toBe(ids.length);
  const delivered = [...firstMessages, ...secondMessages].map((m) => m.data.tx_hash);
  for (const hash of hashes)
    expect(
      delivered.filter((h) => h === hash),
      hash,
    ).toHaveLength(3);
  const expected = await query<{ seq: string }>("select seq from blockchain_events where seq > $1 order by seq", [seq]);
  expect(ids).toEqual(expected.map((r) => Number(r.seq)));
});

test("viewers see the feed but not the controls", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("viewer") });
  const page = await context.newPage();
  await mintBroken();
  await page.goto("/events?status=failed");
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("data-status", "failed", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: /Pause listening|Retry/ })).toHaveCount(0);
  await context.close();
});
