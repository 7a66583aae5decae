// Alerts that reach people, end to end: a batch minted at 10× its origin's median price raises a
// price_outlier alert (the monitor runs every 5 s here); the outbox turns it into a notification and
// an email for a verifier who subscribed; the verifier opens it from the header's inbox, accepts the
// "Re-verify batch" proposal there, and a pending verification request for the batch exists.
import { expect, test } from "@playwright/test";
import bcrypt from "bcryptjs";

import { outlierRule } from "@/lib/monitoring/detectors/price-outlier";
import { demoPassword } from "@/scripts/lib/demo-users";

import { query } from "./db";
import { mintFreshBatch } from "./fresh-batch";
import { submitSignIn } from "./sign-in";

const poll = { timeout: 60_000, intervals: [500, 1_000] };

// A verifier of its own, so no earlier mail to the demo verifier holds this one back (one alert mail per 10 minutes).
test.use({ storageState: { cookies: [], origins: [] } });

test("a price outlier reaches a subscribed verifier by email and in the inbox, whose re-verify proposal, accepted, asks for a count", async ({
  page,
}) => {
  test.slow();
  const email = `e2e-verifier-${Date.now().toString(36)}@batchtrail.local`;
  await query("insert into users (email, name, password_hash, role) values ($1, 'E2E Verifier', $2, 'verifier')", [
    email,
    await bcrypt.hash(demoPassword, 10),
  ]);
  await page.goto("/sign-in");
  await submitSignIn(page, email, demoPassword);
  await page.waitForURL(/\/inventory/);
  const subscribed = await page.request.put("/api/notifications/subscription", {
    data: { min_severity: "high", by_email: true, in_inbox: true },
  });
  expect(subscribed.status(), await subscribed.text()).toBe(200);

  // The monitor has judged the demo data at least once, and found no outlier in it.
  await expect
    .poll(
      async () =>
        (await query("select 1 from detector_states where detector = 'price_outlier' and error is null")).length,
      poll,
    )
    .toBe(1);
  expect(await query("select batch_id from batch_alerts where type = 'price_outlier' and status = 'open'")).toEqual([]);

  // The detector compares a mint with its origin's batches minted lately (the demo has a past, so the
  // most common origin may have fewer of them than it needs): mint the missing ones at the median.
  const [{ origin, median, recent }] = await query<{ origin: string; median: string; recent: number }>(
    `select origin_country as origin, (percentile_cont(0.5) within group (order by price_per_kg))::numeric(12, 2)::text as median,
       (count(*) filter (where created_at > now() - make_interval(days => $1)))::int as recent
     from batches where token_id is not null and price_per_kg is not null
     group by origin_country order by recent desc, count(*) desc, origin_country limit 1`,
    [outlierRule.comparableDays],
  );
  for (let i = recent; i < outlierRule.minComparables; i++)
    await mintFreshBatch("E2E-PEER", { origin_country: origin, pricePerKg: median });
  const pricePerKg = (Number(median) * 10).toFixed(2);
  const { id: batchId, batch_code: code } = await mintFreshBatch("E2E-OUTLIER", { origin_country: origin, pricePerKg });

  // The email, in the local catcher: the alert's message names the batch.
  const mail = async () =>
    (
      await query<{ subject: string; text_body: string }>(
        "select subject, text_body from caught_mails where $1 = any(rcpt_to) and text_body like $2",
        [email, `%${code}%`],
      )
    )[0];
  await expect.poll(async () => (await mail())?.subject, poll).toMatch(/^\[Batchtrail\] (High alert: |\d+ alerts)/);
  expect((await mail())!.text_body).toContain(`/batches/${batchId}`);

  // The inbox: the header's icon counts it; the notification links to the batch.
  await page.goto("/inventory");
  const inbox = page.getByRole("link", { name: /^Inbox, [1-9]\d* unread$/ });
  await expect(inbox).toBeVisible();
  await inbox.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("link", { name: new RegExp(code) }).first()).toHaveAttribute(
    "href",
    new RegExp(`/batches/${batchId}`),
  );

  // The proposal beside it, with its figures; accepted, its action runs.
  const proposal = await query<{ id: string }>(
    "select id from recommendations where batch_id = $1 and kind = 'reverify_batch' and status = 'open'",
    [batchId],
  );
  expect(proposal).toHaveLength(1);
  const card = page.getByRole("region", { name: `Re-verify batch ${code}` });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("confidence")).toHaveText(/^\d+% confident\.$/);
  await expect(card.getByRole("row", { name: /Price per kg/ })).toContainText(`$${pricePerKg}`);
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(/Re-verify batch .*: Verification request #\d+ created\./)).toBeVisible();
  await expect(card).toHaveCount(0);

  const requests = await query<{ status: string; notes: string }>(
    "select status, notes from verification_requests where batch_id = $1",
    [batchId],
  );
  expect(requests).toEqual([
    { status: "pending", notes: `Accepted recommendation #${proposal[0].id}: Re-verify batch ${code}.` },
  ]);
  const [decided] = await query<{ status: string; email: string }>(
    "select r.status, u.email from recommendations r join users u on u.id = r.decided_by where r.id = $1",
    [proposal[0].id],
  );
  expect(decided).toEqual({ status: "accepted", email });
  await expect(page.getByTestId("acceptance-rates").locator('[data-kind="reverify_batch"]')).toContainText("1");
});
