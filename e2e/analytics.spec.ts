// The analytics page on the demo stack: every chart drawn from the rollups, its table view equal to
// the API and its CSV, the date range and filters in the URL (typed, chosen, and undone with Back).
import { readFile } from "node:fs/promises";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";

import { refreshAnalytics } from "@/lib/analytics/refresh";
import { chartIds } from "@/lib/analytics/schemas";
import type { ChartTable } from "@/lib/analytics/table";
import { createDb } from "@/lib/db";

import { query } from "./db";
import { stack, storageStateFor } from "./stack";

const baseURL = `http://127.0.0.1:${stack.port}`;
const today = new Date().toISOString().slice(0, 10);
const daysBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const card = (page: Page, id: string) => page.locator(`section[data-chart="${id}"]`);

/** The same refresh the worker runs every 5 minutes, now, so the page shows what the tests just did. */
async function refreshNow() {
  const { db, pool } = createDb(`postgres://postgres:batchtrail@127.0.0.1:${stack.pgPort}/batchtrail`, 1);
  try {
    await refreshAnalytics(db);
  } finally {
    await pool.end();
  }
}

async function getCharts(page: Page, params: string): Promise<ChartTable[]> {
  const res = await page.request.get(`/api/analytics?${params}`);
  expect(res.status()).toBe(200);
  return (await res.json()).charts;
}

/** What the table view shows: the header labels, then each row's cells. */
async function readTable(page: Page, id: string): Promise<string[][]> {
  const section = card(page, id);
  await section.getByRole("button", { name: "Table" }).click();
  const table = section.getByRole("table");
  await expect(table).toBeVisible();
  const header = await table.locator("thead th").allInnerTexts();
  const rows = await table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  return [header.map((h) => h.trim()), ...rows];
}

const asShown = (chart: ChartTable) => [
  chart.columns.map((c) => c.label),
  ...chart.rows.map((r) => chart.columns.map((c) => (r[c.key] === null ? "—" : String(r[c.key])))),
];

test.beforeAll(async () => {
  // Activity the demo data lacks, made through the API: one count approved, one rejected, a quality check, a fraud score.
  const [operator, verifier] = await Promise.all(
    ["operator", "verifier"].map((role) =>
      playwrightRequest.newContext({ baseURL, storageState: storageStateFor(role) }),
    ),
  );
  const batches = await query<{ id: string; quantity_kg: string }>(`
    select b.id, b.quantity_kg::text from batches b where b.status = 'active' and b.expiry_date > current_date and b.token_id is not null
      and not exists (select 1 from verification_requests v where v.batch_id = b.id and v.status = 'pending') order by b.id limit 2`);
  expect(batches).toHaveLength(2);
  for (const [i, b] of batches.entries()) {
    const asked = await operator.post(`/api/batches/${b.id}/request-verification`, { data: {} });
    expect(asked.ok()).toBe(true);
    const counted = i === 0 ? b.quantity_kg : (Number(b.quantity_kg) / 2).toFixed(3);
    expect(
      (
        await verifier.post(`/api/verification-requests/${(await asked.json()).id}/process`, {
          data: { actual_quantity: counted },
        })
      ).ok(),
    ).toBe(true);
  }
  expect(
    (
      await verifier.post(`/api/batches/${batches[0].id}/quality-check`, {
        data: { cupping_score: 86.5, moisture_pct: 11, primary_defects: 0, secondary_defects: 3, screen_size: 16 },
      })
    ).ok(),
  ).toBe(true);
  expect((await operator.post(`/api/batches/${batches[1].id}/detect-fraud`)).ok()).toBe(true);
  await Promise.all([operator.dispose(), verifier.dispose()]);
  await refreshNow();
});

test("draws every chart from the demo stack's data, each table equal to the API's", async ({ page }) => {
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByText(/Figures as of/)).toBeVisible();
  const charts = await getCharts(page, `from=${daysBefore(89)}&to=${today}`);
  expect(charts.map((c) => c.id).sort()).toEqual([...chartIds].sort());
  for (const chart of charts) {
    const section = card(page, chart.id);
    await expect(section.getByRole("heading", { name: chart.title })).toBeVisible();
    if (chart.rows.length) await expect(section.locator(".recharts-surface").first()).toBeVisible();
    expect(await readTable(page, chart.id), chart.id).toEqual(asShown(chart));
  }
  const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
  // What the demo stack holds, and what beforeAll added, is there.
  const [{ live }] = await query<{ live: string }>(
    `select sum(quantity_kg)::text as live from batches where status in ('active', 'verified', 'flagged')`,
  );
  const lastStock = byId.stock_by_origin.rows.at(-1)!;
  const total = byId.stock_by_origin.columns
    .slice(1)
    .reduce((sum, c) => sum + Math.round(Number(lastStock[c.key]) * 1000), 0);
  expect(total).toBe(Math.round(Number(live) * 1000));
  const todayVerification = byId.verification.rows.find((r) => r.period === today)!;
  expect(Number(todayVerification.approved)).toBeGreaterThanOrEqual(1);
  expect(Number(todayVerification.rejected)).toBeGreaterThanOrEqual(1);
  expect(byId.quality_grades.rows.reduce((s, r) => s + Number(r.checks), 0)).toBeGreaterThanOrEqual(1);
  expect(byId.fraud_risk.rows.reduce((s, r) => s + Number(r.assessments), 0)).toBeGreaterThanOrEqual(1);
  expect(byId.alerts.rows.reduce((s, r) => s + Number(r.opened), 0)).toBeGreaterThanOrEqual(1);
  // The demo's events lie over two years of chain time (scripts/lib/demo-history.ts): this range holds some of them.
  const [{ recent }] = await query<{ recent: number }>(
    `select count(*)::int as recent from blockchain_events where block_time >= '${daysBefore(89)}'`,
  );
  const shownEvents = byId.events_sync.rows.reduce((s, r) => s + Number(r.events), 0);
  expect(shownEvents).toBeGreaterThanOrEqual(1);
  expect(shownEvents).toBeLessThanOrEqual(recent);
  expect(byId.forecast_summary.rows.length).toBeGreaterThanOrEqual(2);
  // One day of history: the forecast says what it needs rather than inventing a trend.
  await expect(card(page, "forecast").getByText(/A forecast needs 3 days of history|Holt's method/)).toBeVisible();
});

test("downloads a chart's CSV with exactly its table's rows", async ({ page }) => {
  await page.goto("/analytics");
  const shown = await readTable(page, "stock_by_origin");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card(page, "stock_by_origin").getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`batchtrail-stock_by_origin-${daysBefore(89)}-${today}.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
  expect(lines).toEqual(shown.map((row) => row.map((cell) => (cell === "—" ? "" : cell))));
  const res = await page.request.get(
    `/api/analytics?chart=stock_by_origin&format=csv&from=${daysBefore(89)}&to=${today}`,
  );
  expect(res.headers()["content-type"]).toContain("text/csv");
  expect(await res.text()).toBe(csv);
});

test("takes the date range and filters from the URL, and from the controls with Back undoing them", async ({
  page,
}) => {
  const [{ origin }] = await query<{ origin: string }>(
    `select origin_country as origin from batches where status = 'active' group by 1 order by count(*) desc limit 1`,
  );
  await page.goto(`/analytics?from=${daysBefore(6)}&to=${today}&origin=${encodeURIComponent(origin)}`);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(daysBefore(6));
  await expect(page.getByLabel("Origin", { exact: true })).toHaveValue(origin);
  expect((await readTable(page, "stock_by_origin"))[0]).toEqual(["day", `${origin} (kg)`]);
  await expect(page.getByRole("heading", { name: `Stock forecast: ${origin}` })).toBeVisible();
  // Events go by the hour over a week.
  expect((await readTable(page, "events_sync"))[0][0]).toBe("hour");

  await page.goto("/analytics");
  const allOrigins = (await readTable(page, "stock_by_origin"))[0].length - 1;
  expect(allOrigins).toBeGreaterThan(1);
  await page.getByLabel("Origin", { exact: true }).selectOption(origin);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`origin=${encodeURIComponent(origin).replace(/%20/g, "(\\+|%20)")}`));
  await expect(card(page, "stock_by_origin").locator("thead th")).toHaveCount(2);

  await page.getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${daysBefore(29)}&to=${today}`));
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(daysBefore(29));
  await expect(page.getByLabel("Origin", { exact: true })).toHaveValue(origin);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`from=${daysBefore(89)}`));
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(daysBefore(89));
  await page.goBack();
  await expect(page).not.toHaveURL(/origin=/);
  await expect(page.getByLabel("Origin", { exact: true })).toHaveValue("");
  expect((await readTable(page, "stock_by_origin"))[0]).toHaveLength(allOrigins + 1);
});

test("refuses bad filters with a clear message, on the page and from the API", async ({ page }) => {
  await page.goto(`/analytics?from=${today}&to=${daysBefore(3)}`);
  await expect(page.getByText("These filters are not valid")).toBeVisible();
  await expect(page.getByText("from: must not be after `to`")).toBeVisible();
  for (const [params, message] of [
    ["from=2026-02-30", /from/],
    ["format=csv", /chart: name one chart for CSV/],
    ["chart=pie", /chart/],
    ["process=roasted", /process/],
  ] as const) {
    const res = await page.request.get(`/api/analytics?${params}`);
    expect(res.status(), params).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_error");
    expect(body.error.message).toMatch(message);
  }
});
