// Webhooks end to end: an admin registers a receiver this spec runs on loopback, sends it a test
// event that verifies with the secret the page showed once, mints a batch, and sees the batch's
// delivery succeed in the page's log.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";

import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { query } from "./db";
import { batchTokenAddress, rpcUrl, storageStateFor } from "./stack";

test.use({ storageState: storageStateFor("admin") });

type Received = { headers: Record<string, string>; body: string };

async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/e2e-${Date.now().toString(36)}`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const typeOf = (r: Received) => (JSON.parse(r.body) as { type: string }).type;

test("an admin registers an endpoint, sends a test event, mints a batch and sees its delivery in the log", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    // The e2e stack allows loopback receivers, as the demo does.
    await expect(page.getByLabel("Allow private and loopback addresses")).toBeChecked();

    await page.getByLabel("URL", { exact: true }).fill(receiver.url);
    await page.getByLabel("Description").fill("The e2e receiver");
    await expect(page.getByLabel("batch.created")).toBeChecked();
    await page.getByRole("button", { name: "Register endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const card = page.locator("section", { hasText: receiver.url });
    await expect(card.getByText("active", { exact: true })).toBeVisible();

    await card.getByRole("button", { name: "Send test event" }).click();
    await expect
      .poll(() => receiver.received.filter((r) => typeOf(r) === "webhook.test").length, { timeout: 30_000 })
      .toBe(1);
    const sent = receiver.received.find((r) => typeOf(r) === "webhook.test")!;
    expect(new Webhook(secret).verify(sent.body, sent.headers)).toMatchObject({ type: "webhook.test" });
    await page.reload();
    const testRow = card.getByTestId("delivery-log").locator("tr", { hasText: "webhook.test" });
    await expect(testRow).toContainText(/succeeded/i);
    await expect(testRow).toContainText(sent.headers["webhook-id"]);
    await expect(testRow).toContainText("200");

    const [batch] = demoBatches(1, new Date(), 11);
    batch.metadata.batch_code = `E2E-HOOK-${Date.now().toString(36).toUpperCase()}`;
    const client = createChainClient(rpcUrl, 31337);
    await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(1), batch);
    await expect
      .poll(() => receiver.received.filter((r) => typeOf(r) === "batch.created").length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    const created = receiver.received.find((r) => typeOf(r) === "batch.created")!;
    expect(new Webhook(secret).verify(created.body, created.headers)).toMatchObject({
      type: "batch.created",
      data: { batch: { batch_code: batch.metadata.batch_code } },
    });

    await expect(async () => {
      await page.reload();
      const row = card.getByTestId("delivery-log").locator("tr", { hasText: "batch.created" });
      await expect(row).toContainText(/succeeded/i, { timeout: 1_000 });
      await expect(row).toContainText(created.headers["webhook-id"], { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    // The attempts open under the row: the request as sent and the receiver's answer.
    const row = card.getByTestId("delivery-log").locator("tr", { hasText: "batch.created" });
    await row.getByRole("button", { name: "Attempts" }).click();
    await expect(card.getByText(/Attempt 1 at .*: 200 in \d+ ms/).first()).toBeVisible();
  } finally {
    await query("update webhook_endpoints set status = 'paused' where url = $1", [receiver.url]);
    await receiver.close();
  }
});
