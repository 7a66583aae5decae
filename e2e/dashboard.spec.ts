// The off-chain dashboard: figures the API gives, kept live; the system status; the activity feed.
// The RPC outage is e2e/dashboard-rpc-outage.spec.ts, run after every other spec.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";
import type { DashboardMetrics } from "@/lib/dashboard/metrics";
import type { SystemStatus } from "@/lib/system/status";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { query } from "./db";
import { batchTokenAddress, rpcUrl, stack } from "./stack";

const count = (n: number) => n.toLocaleString("en-US");
const money = (usd: string) => `$${usd.split(".")[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${usd.split(".")[1]}`;
const metrics = async (request: APIRequestContext) =>
  (await (await request.get("/api/dashboard/metrics")).json()) as DashboardMetrics;

async function expectFigures(page: Page, m: DashboardMetrics) {
  await expect(page.getByTestId("kpi-batches")).toHaveText(count(m.totals.batches));
  await expect(page.getByTestId("kpi-in-stock")).toHaveText(count(m.in_stock.batches));
  await expect(page.getByTestId("kpi-stock-value")).toHaveText(money(m.in_stock.value_usd));
  await expect(page.getByTestId("kpi-verified")).toHaveText(count(m.verification.verified_batches));
  await expect(page.getByTestId("kpi-open-alerts")).toHaveText(count(m.alerts.open));
  await expect(page.getByTestId("kpi-expiring-30")).toHaveText(count(m.expiry.within_30_days.batches));
  await expect(page.getByTestId("kpi-past-expiry")).toHaveText(count(m.expiry.past_expiry_in_stock.batches));
  for (const [status, share] of Object.entries(m.by_status).filter(([, s]) => s.batches > 0))
    await expect(page.getByTestId(`by-status-${status}`)).toHaveText(count(share.batches));
  for (const origin of m.by_origin_country.slice(0, 8))
    await expect(page.getByTestId(`by-origin-${origin.value}`)).toHaveText(count(origin.batches));
}

test("shows the figures GET /api/dashboard/metrics gives, with every demo batch counted", async ({ page, request }) => {
  const m = await metrics(request);
  expect(m.totals.batches).toBeGreaterThanOrEqual(stack.demoBatches);
  expect(m.totals.quantity_kg).toMatch(/^\d+\.\d{3}$/);
  expect(m.totals.value_usd).toMatch(/^\d+\.\d{2}$/);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // The worker may still be indexing: the page and the API agree once both have read the same counters.
  await expect(async () => expectFigures(page, await metrics(request))).toPass({ timeout: 20_000 });
});

test("counts a batch minted on the running chain without a reload, and shows its creation in the feed", async ({
  page,
  request,
}) => {
  await page.goto("/dashboard");
  const before = await metrics(request);
  await expect(page.getByTestId("kpi-batches")).toHaveText(count(before.totals.batches), { timeout: 15_000 });

  const [batch] = demoBatches(1, new Date(), 77);
  batch.metadata.batch_code = `E2E-DASH-${Date.now().toString(36).toUpperCase()}`;
  const { tokenId } = await mintBatch(
    { client: createChainClient(rpcUrl, 31337), rpcUrl, address: batchTokenAddress() },
    devAccount(2),
    batch,
  );

  await expect(page.getByTestId("kpi-batches")).toHaveText(count(before.totals.batches + 1), { timeout: 20_000 });
  const after = await metrics(request);
  expect(after.totals.batches).toBe(before.totals.batches + 1);
  const created = page
    .getByTestId("activity-feed")
    .locator("li", { hasText: "BatchCreated in block" })
    .filter({ hasText: `Token ${tokenId}` });
  await expect(created).toBeVisible({ timeout: 15_000 });
  // The batch by its code, as people know it, not by its database id.
  await expect(created.getByRole("link", { name: batch.metadata.batch_code })).toBeVisible();
});

test("shows each component's state in words with since when, as GET /api/system/status gives them", async ({
  page,
  request,
}) => {
  const status = (await (await request.get("/api/system/status")).json()) as SystemStatus;
  expect(Object.keys(status.components)).toEqual([
    "database",
    "rpc",
    "listener",
    "job_queue",
    "chainlink_fulfiller",
    "sync",
  ]);
  expect(status.components.rpc).toMatchObject({ state: "ok", details: { chain_id: 31337 } });
  expect(status.components.database.state).toBe("ok");
  expect(status.components.chainlink_fulfiller.state).toBe("ok");
  for (const c of Object.values(status.components))
    expect(Date.parse(c.since)).toBeLessThanOrEqual(Date.parse(status.checked_at));

  await page.goto("/dashboard");
  const rpc = page.getByTestId("status-rpc");
  await expect(rpc).toHaveAttribute("data-state", "ok");
  await expect(page.getByRole("listitem", { name: "RPC: OK" })).toBeVisible();
  await expect(rpc).toContainText(`Chain 31337 at block`);
  await expect(page.getByTestId("since-rpc")).toContainText("OK since");
  for (const name of Object.keys(status.components)) await expect(page.getByTestId(`status-${name}`)).toBeVisible();
});

test("lists the newest activity the API gives, and older activity on request", async ({ page, request }) => {
  await page.goto("/dashboard");
  const feed = page.getByTestId("activity-feed").locator("li");
  await expect(feed).toHaveCount(20, { timeout: 15_000 });
  await expect(async () => {
    const api = (await (await request.get("/api/activities/recent?limit=20")).json()) as { data: { id: string }[] };
    expect(await feed.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-activity-id")))).toEqual(
      api.data.map((a) => a.id),
    );
  }).toPass({ timeout: 15_000 });
  await page.getByRole("button", { name: "Show older activity" }).click();
  await expect(feed).toHaveCount(40);
  const ids = await feed.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-activity-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("refuses unknown parameters and bad cursors with a 400 that says why", async ({ request }) => {
  const typo = await request.get("/api/dashboard/metrics?staus=active");
  expect(typo.status()).toBe(400);
  expect((await typo.json()).error.message).toMatch(/staus/);
  const cursor = await request.get("/api/activities/recent?cursor=nope");
  expect(cursor.status()).toBe(400);
  expect((await cursor.json()).error.message).toBe("cursor: is not a cursor this API issued");
  expect((await request.get("/api/activities/recent?kind=gossip")).status()).toBe(400);
  expect((await request.get("/api/activities/recent?limit=101")).status()).toBe(400);
});

test("the worker runs the fold-counts job every minute", async () => {
  // pg-boss's clock looks at schedules every 30 s, so the first fold can take up to a minute and a half.
  test.setTimeout(120_000);
  const [schedule] = await query<{ cron: string }>("select cron from pgboss.schedule where name = 'fold-counts'");
  expect(schedule.cron).toBe("* * * * *");
  // A fold job has completed (pg-boss keeps finished jobs for a while, then archives them).
  const folds = () =>
    query<{ n: string }>(
      "select (select count(*) from pgboss.job where name = 'fold-counts' and state = 'completed') + (select count(*) from pgboss.archive where name = 'fold-counts' and state = 'completed') as n",
    ).then(([r]) => Number(r.n));
  await expect.poll(folds, { timeout: 100_000, intervals: [2_000] }).toBeGreaterThan(0);
});
