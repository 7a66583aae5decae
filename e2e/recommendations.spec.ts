// The monitoring agent end to end: the demo data raises no price outlier of its own; a batch minted
// at 10× its origin's median price raises a price_outlier alert and a "Re-verify batch" proposal
// within a few monitor runs (MONITOR_INTERVAL_SECONDS=5); the admin accepts it on /admin/system-alerts
// and a pending verification request for the batch exists.
import { expect, test } from "@playwright/test";

import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { query } from "./db";
import { batchTokenAddress, rpcUrl, storageStateFor } from "./stack";

const client = createChainClient(rpcUrl, 31337);
const poll = { timeout: 60_000, intervals: [500, 1_000] };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test.use({ storageState: storageStateFor("admin") });

test("a price outlier's re-verify proposal, accepted, asks for a count of the batch", async ({ page }) => {
  // The monitor has judged the demo data at least once, and found no outlier in it.
  await expect
    .poll(
      async () =>
        (await query("select 1 from detector_states where detector = 'price_outlier' and error is null")).length,
      poll,
    )
    .toBe(1);
  expect(await query("select batch_id from batch_alerts where type = 'price_outlier' and status = 'open'")).toEqual([]);

  const [{ origin, median }] = await query<{ origin: string; median: string }>(
    `select origin_country as origin, (percentile_cont(0.5) within group (order by price_per_kg))::numeric(12, 2)::text as median
     from batches where token_id is not null and price_per_kg is not null
     group by origin_country having count(*) >= 5 order by count(*) desc, origin_country limit 1`,
  );
  const [batch] = demoBatches(1, new Date(), 11);
  const code = `E2E-OUTLIER-${Date.now().toString(36).toUpperCase()}`;
  batch.metadata = { ...batch.metadata, batch_code: code, origin_country: origin };
  batch.pricePerKg = (Number(median) * 10).toFixed(2);
  batch.productionDate = day(-20);
  batch.expiryDate = day(300);
  await mintBatch({ client, rpcUrl, address: batchTokenAddress() }, devAccount(1), batch);

  const proposal = async () =>
    (
      await query<{ id: string; batch_id: string; alert: string }>(
        `select r.id, r.batch_id, a.status as alert from recommendations r join batches b on b.id = r.batch_id
         join batch_alerts a on a.id = r.alert_id
         where b.batch_code = $1 and r.kind = 'reverify_batch' and r.status = 'open' and a.type = 'price_outlier'`,
        [code],
      )
    )[0];
  await expect.poll(async () => (await proposal())?.alert, poll).toBe("open");
  const { id, batch_id: batchId } = (await proposal())!;

  await page.goto("/admin/system-alerts");
  const card = page.getByRole("region", { name: `Re-verify batch ${code}` });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("confidence")).toHaveText(/^\d+% confident\.$/);
  await expect(card.getByRole("row", { name: /Price per kg/ })).toContainText(`$${batch.pricePerKg}`);
  await expect(card.getByRole("row", { name: /Comparables/ })).toBeVisible();
  await expect(page.getByTestId("detectors").locator('[data-detector="price_outlier"]')).toContainText(code);

  await card.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(/Re-verify batch .*: Verification request #\d+ created\./)).toBeVisible();
  await expect(card).toHaveCount(0);

  const requests = await query<{ status: string; notes: string }>(
    "select status, notes from verification_requests where batch_id = $1",
    [batchId],
  );
  expect(requests).toEqual([{ status: "pending", notes: `Accepted recommendation #${id}: Re-verify batch ${code}.` }]);
  const [decided] = await query<{ status: string; email: string; result: { verification_request_id: number } }>(
    "select r.status, u.email, r.result from recommendations r join users u on u.id = r.decided_by where r.id = $1",
    [id],
  );
  expect(decided).toMatchObject({ status: "accepted", email: "admin@batchtrail.local" });
  expect(decided.result.verification_request_id).toBeGreaterThan(0);
  await expect(page.getByTestId("acceptance-rates").locator('[data-kind="reverify_batch"]')).toContainText("1");
});
