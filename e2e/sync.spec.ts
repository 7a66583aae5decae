// The sync service from the browser: an operator starts a full reconciliation from the inventory
// and watches it finish live; a row broken behind the chain's back is repaired from its batch page.
import { expect, test } from "@playwright/test";

import { query } from "./db";
import { storageStateFor } from "./stack";

const activeRuns = async () =>
  (
    await query<{ n: number }>(
      "select count(*)::int as n from sync_history where batch_id is null and status in ('queued', 'running', 'paused')",
    )
  )[0].n;

test("an operator syncs everything from the inventory and sees the run finish", async ({ page }) => {
  // Runs other specs started finish first, so the one started here is the one that repairs.
  await expect.poll(activeRuns, { timeout: 60_000 }).toBe(0);
  // The token of one batch, edited behind the chain's back: the run must repair it.
  const [broken] = await query<{ id: number; onchain_quantity: string }>(
    "update batches set onchain_quantity = onchain_quantity + 7 where id = (select min(id) from batches where token_id is not null and sync_status = 'synced') returning id, onchain_quantity::text",
  );
  await page.goto("/inventory");
  const panel = page.getByTestId("sync-panel");
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(panel).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  // Other specs leave batches the chain cannot describe (failed events): those count as failed.
  await expect(panel).toContainText(/\d+ checked · [1-9]\d* updated · \d+ imported · \d+ flagged · \d+ failed/);
  const [repair] = await query<{ field: string; action: string }>(
    "select r.field, r.action from sync_results r join sync_history h on h.id = r.sync_id where r.batch_id = $1 and h.batch_id is null order by r.id desc limit 1",
    [broken.id],
  );
  expect(repair).toEqual({ field: "onchain_quantity", action: "updated" });
  const [fixed] = await query<{ onchain_quantity: string }>(
    "select onchain_quantity::text from batches where id = $1",
    [broken.id],
  );
  expect(BigInt(fixed.onchain_quantity)).toBe(BigInt(broken.onchain_quantity) - 7n);
  // Its details are a page people read: the repaired batch by its code, the field in words, no JSON.
  const [{ code }] = await query<{ code: string }>("select batch_code as code from batches where id = $1", [broken.id]);
  await panel.getByRole("link", { name: "details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Sync #\d+$/ })).toBeVisible();
  const row = page.getByTestId("sync-result").filter({ hasText: code });
  await expect(row).toContainText("onchain quantity");
  await expect(row).toContainText("updated");
  await expect(page.locator("main")).not.toContainText(/[{}]/);
});

test("a batch's page syncs it with the chain on demand", async ({ page }) => {
  const [batch] = await query<{ id: number; price_per_kg: string }>(
    "select id, price_per_kg::text from batches where token_id is not null order by id desc limit 1",
  );
  await query("update batches set price_per_kg = 0.01, sync_status = 'out_of_sync' where id = $1", [batch.id]);
  await page.goto(`/batches/${batch.id}`);
  const chain = page.getByRole("region", { name: "On chain" });
  await expect(chain.getByTestId("sync-status")).toContainText("out of sync");
  await chain.getByRole("button", { name: "Sync with chain" }).click();
  await expect(chain.getByTestId("sync-status")).toContainText(/Sync: synced/, { timeout: 20_000 });
  const [after] = await query<{ price_per_kg: string }>("select price_per_kg::text from batches where id = $1", [
    batch.id,
  ]);
  expect(after.price_per_kg).toBe(batch.price_per_kg);
});

test("a viewer sees the last run but cannot start one", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("viewer") });
  const page = await context.newPage();
  await page.goto("/inventory");
  await expect(page.getByTestId("sync-panel")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  await context.close();
});
