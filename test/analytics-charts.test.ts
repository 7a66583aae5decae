// The charts read back from the rollups: stock adds up to the batches on hand, every chart's CSV is
// its table, and bad filters are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getChart, listCharts } from "@/lib/analytics/charts";
import { refreshAnalytics } from "@/lib/analytics/refresh";
import { chartIds, ZAnalyticsFilters, ZAnalyticsQuery } from "@/lib/analytics/schemas";
import { toCsv } from "@/lib/analytics/table";
import { everything } from "@/lib/auth/scope";

import { parseCsv } from "./helpers/csv";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertBatches, makeBatch } from "./helpers/factories";

let t: TestDb;
const day = (d: number) => new Date(Date.now() - d * 86_400_000);
const iso = (d: number) => day(d).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestDb();
  // Two origins over 40 days: Kenya grows by 10 kg a day, Brazil by 3; some Brazil batches redeemed.
  const rows = Array.from({ length: 40 }, (_, i) => [
    makeBatch({
      originCountry: "Kenya",
      process: "washed",
      warehouse: 'Hamburg, "North"',
      quantityKg: "10.000",
      createdAt: day(39 - i),
      updatedAt: day(39 - i),
      expiryDate: iso(-(i + 1) * 2),
    }),
    makeBatch({
      originCountry: "Brazil",
      process: "natural",
      quantityKg: "3.500",
      status: i % 10 === 0 ? "redeemed" : "active",
      createdAt: day(39 - i),
      updatedAt: day(39 - i),
    }),
  ]).flat();
  await insertBatches(t.db, rows);
  await t.pool.query(
    `insert into fraud_assessments (batch_id, score, model_version, factors) select id, 60, 'test', '[{"name":"price_outlier","weight":15,"value":null,"points":15,"reason":"x"}]' from batches limit 5`,
  );
  await refreshAnalytics(t.db);
});
afterAll(() => t.drop());

/** A minimal RFC 4180 reader, enough for the writer's output. */
describe("analytics charts", () => {
  it("ends the stock line of each origin at the kilograms of its live batches", async () => {
    const f = ZAnalyticsFilters.parse({ from: iso(29), to: iso(0) });
    const chart = await getChart(t.db, f, "stock_by_origin", everything);
    const last = chart.rows.at(-1)!;
    const byLabel = Object.fromEntries(chart.columns.slice(1).map((c) => [c.label, last[c.key]]));
    const { rows } = await t.pool.query(
      `select origin_country, sum(quantity_kg)::text as kg from batches where status = 'active' group by 1`,
    );
    expect(byLabel).toEqual(Object.fromEntries(rows.map((r) => [`${r.origin_country} (kg)`, r.kg])));
    expect(chart.rows).toHaveLength(30);
    // The first day in range already carries the ten days before it.
    expect(byLabel["Kenya (kg)"]).toBe("400.000");
    expect(chart.rows[0][chart.columns.find((c) => c.label === "Kenya (kg)")!.key]).toBe("110.000");
  });

  it("applies the filters and forecasts the trend", async () => {
    const f = ZAnalyticsFilters.parse({ from: iso(29), to: iso(0), origin: "Kenya" });
    const stock = await getChart(t.db, f, "stock_by_origin", everything);
    expect(stock.columns.map((c) => c.label)).toEqual(["day", "Kenya (kg)"]);
    const forecast = await getChart(t.db, f, "forecast", everything);
    const ahead = forecast.rows.filter((r) => r.forecast_kg !== null);
    expect(ahead).toHaveLength(30);
    expect(ahead[29].forecast_kg).toBeCloseTo(400 + 30 * 10, 3);
    expect(forecast.note).toMatch(/MAE 0 kg/);
  });

  it("stops the history at today when the range ends years ahead, and forecasts the 30 days after it", async () => {
    const f = ZAnalyticsFilters.parse({ from: iso(29), to: iso(-3000), origin: "Kenya" });
    const forecast = await getChart(t.db, f, "forecast", everything);
    const history = forecast.rows.filter((r) => r.stock_kg !== null);
    const ahead = forecast.rows.filter((r) => r.forecast_kg !== null);
    expect(history.at(-1)).toMatchObject({ date: iso(0), stock_kg: "400.000" });
    expect(ahead.map((r) => r.date)).toEqual(Array.from({ length: 30 }, (_, i) => iso(-(i + 1))));
    const summary = await getChart(t.db, f, "forecast_summary", everything);
    expect(summary.rows.find((r) => r.origin === "Kenya")).toMatchObject({ stock_kg: "400.000" });
  });

  it("gives every chart a CSV that is exactly its table", async () => {
    const charts = await listCharts(t.db, ZAnalyticsFilters.parse({ from: iso(45), to: iso(0) }), everything);
    expect(charts.map((c) => c.id).sort()).toEqual([...chartIds].sort());
    for (const chart of charts) {
      const [header, ...body] = parseCsv(toCsv(chart));
      expect(header, chart.id).toEqual(chart.columns.map((c) => c.label));
      expect(body, chart.id).toEqual(
        chart.rows.map((r) => chart.columns.map((c) => (r[c.key] === null ? "" : String(r[c.key])))),
      );
    }
    expect(charts.find((c) => c.id === "fraud_factors")!.rows).toEqual([
      { factor: "price_outlier", hits: 5, share_pct: 100, mean_points: 15 },
    ]);
  });

  it("quotes commas and quotes, and defuses spreadsheet formulas, but leaves negative numbers alone", () => {
    const csv = toCsv({
      columns: [
        { key: "a", label: 'name, "quoted"' },
        { key: "b", label: "n" },
      ],
      rows: [
        { a: "=HYPERLINK(1)", b: "-12.500" },
        { a: null, b: -3 },
      ],
    });
    expect(csv).toBe('"name, ""quoted""",n\r\n\'=HYPERLINK(1),-12.500\r\n,-3\r\n');
  });

  it("refuses bad filters with a reason, and fills the default range", () => {
    const bad = (q: Record<string, string>) =>
      ZAnalyticsQuery.safeParse(q)
        .error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
    expect(bad({ from: "2026-05-02", to: "2026-05-01" })).toMatch(/from: must not be after `to`/);
    expect(bad({ format: "csv" })).toMatch(/chart: name one chart for CSV/);
    expect(bad({ origin: "Ken\u0000ya" })).toMatch(/NUL/);
    // Postgres has no year 0: neither given nor as the default start 89 days before `to`.
    expect(bad({ from: "0000-12-31", to: "0001-01-05" })).toMatch(
      /from: must be a calendar date from the year 0001 on/,
    );
    expect(bad({ to: "0001-01-05" })).toMatch(/from: must be a calendar date from the year 0001 on/);
    expect(bad({ from: "2026-02-30" })).toMatch(/from/);
    expect(bad({ chart: "pie" })).toMatch(/chart/);
    expect(bad({ colour: "red" })).toMatch(/colour|Unrecognized/i);
    expect(bad({ from: "2000-01-01", to: "2026-01-01" })).toMatch(/at most 3660 days/);
    const q = ZAnalyticsQuery.parse({});
    expect(q.to).toBe(new Date().toISOString().slice(0, 10));
    expect((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000).toBe(89);
  });
});
