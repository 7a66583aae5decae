// A fresh demo stack has a past: its demo is minted over 24 months of chain time, with checks,
// counts, assessments, redemptions and expiries on the way (scripts/lib/demo-history.ts), so every
// analytics chart has at least a year of non-zero history on first start.
import { expect, test } from "@playwright/test";

import { chartIds } from "@/lib/analytics/schemas";
import type { ChartTable } from "@/lib/analytics/table";

import { query } from "./db";

const day = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const today = iso(Date.now());

/** Calendar months from 25 months ago to this one: [first day, last day (today at most)]. */
function months(): [string, string][] {
  const now = new Date();
  return Array.from({ length: 26 }, (_, i) => {
    const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 25 + i, 1);
    const end = Math.min(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 24 + i, 0), Date.parse(today));
    return [iso(start), iso(end)];
  });
}

/** A value the chart draws as something other than zero: a number, or an exact decimal string. */
const isNonZero = (v: unknown) =>
  (typeof v === "number" && v !== 0) || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) && Number(v) !== 0);

/** Whether any row has a non-zero value outside the chart's x column. */
const hasData = (c: ChartTable) =>
  c.rows.some((r) => Object.entries(r).some(([key, v]) => key !== (c.chart?.x ?? c.columns[0].key) && isNonZero(v)));

// Expiring soon is a view of today's stock (which batches expire in the next 90 days): no history.
const snapshots = new Set(["expiry"]);

test("every chart has at least 365 days of non-zero history on a fresh demo stack", async ({ page }) => {
  test.setTimeout(180_000);
  const windows = months();
  const seen = new Map<string, number[]>();
  for (const [i, [from, to]] of windows.entries()) {
    const res = await page.request.get(`/api/analytics?from=${from}&to=${to}`);
    expect(res.status(), `${from}–${to}`).toBe(200);
    for (const chart of (await res.json()).charts as ChartTable[])
      if (hasData(chart)) seen.set(chart.id, [...(seen.get(chart.id) ?? []), i]);
  }
  for (const id of chartIds) {
    if (snapshots.has(id)) continue;
    const hit = seen.get(id) ?? [];
    expect(hit.length, `${id} has data in some month`).toBeGreaterThan(0);
    // From the last day of the first month with data to the first day of the last one: a lower bound.
    const span = (Date.parse(windows[hit.at(-1)!][0]) - Date.parse(windows[hit[0]][1])) / day;
    expect(span, `${id}: non-zero from ${windows[hit[0]][0]} to ${windows[hit.at(-1)!][1]}`).toBeGreaterThanOrEqual(
      365,
    );
  }
});

test("the analytics page draws every chart over the two years", async ({ page }) => {
  const from = iso(Date.now() - 729 * day);
  await page.goto(`/analytics?from=${from}&to=${today}`);
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  const res = await page.request.get(`/api/analytics?from=${from}&to=${today}`);
  const charts = (await res.json()).charts as ChartTable[];
  for (const chart of charts) {
    expect(hasData(chart), `${chart.id} has data`).toBe(true);
    await expect(page.locator(`section[data-chart="${chart.id}"] .recharts-surface`).first()).toBeVisible();
  }
});

test("a batch minted long ago shows its journey on the dates the chain and the checks carry", async ({ request }) => {
  const [oldest] = await query<{ batch_code: string; created_at: Date }>(
    "select batch_code, created_at from batches where token_id is not null order by created_at limit 1",
  );
  expect(Date.now() - oldest.created_at.getTime()).toBeGreaterThan(365 * day);
  const html = await (await request.get(`/trace/${oldest.batch_code}`)).text();
  const times = [...html.matchAll(/<time dateTime="([^"]+)"/gi)].map((m) => Date.parse(m[1]));
  expect(times.length).toBeGreaterThanOrEqual(2);
  // Minted at its block's time, graded on arrival: both long ago, not on the day the stack started.
  expect(times[0]).toBe(oldest.created_at.getTime());
  for (const t of times.slice(0, 2)) expect(Date.now() - t).toBeGreaterThan(300 * day);
});
