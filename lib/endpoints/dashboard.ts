// The dashboard's figures, the activity feed, and the analytics tables.
import { z } from "zod";

import { activityKinds, ZRecentActivityQuery } from "@/lib/activities/schemas";
import { ZAnalyticsQuery } from "@/lib/analytics/schemas";
import { ZNoQuery } from "@/lib/api/params";
import { readers } from "@/lib/auth/permissions";

import { endpoints } from "./define";
import { numberOrNull, pageOf, textOrNull } from "./shapes";

const ZShare = z.object({ batches: z.number(), quantity_kg: z.string(), value_usd: z.string() });
const byValue = z.record(z.string(), ZShare);
const ranked = z.array(ZShare.extend({ value: z.string() }));

const cell = z.union([z.string(), z.number()]).nullable();

export const dashboard = endpoints({
  dashboardMetrics: {
    route: "GET /api/dashboard/metrics",
    rule: readers,
    summary:
      "System-wide figures from counters kept by triggers (no scan of the batches): totals, in stock, by status, verification, sync, origin, process, warehouse, quality grade and fraud risk (each as batches, kg and USD value, exact decimal strings), the verification pass rate, open alerts by severity and type, and stock past expiry or expiring within 30, 60 and 90 days.",
    query: ZNoQuery,
    response: z.object({
      as_of: z.string(),
      today: z.string(),
      totals: ZShare,
      in_stock: ZShare,
      by_status: byValue,
      by_verification_status: byValue,
      by_sync_status: byValue,
      by_origin_country: ranked,
      by_process: byValue,
      by_warehouse: ranked,
      orders: z.object({ reserved_kg: z.string(), available_kg: z.string() }),
      stock_by_warehouse: z.array(z.object({ warehouse: z.string(), name: textOrNull, on_hand_kg: z.string() })),
      by_quality_grade: byValue,
      by_risk_level: byValue,
      verification: z.object({
        pending: z.number(),
        approved: z.number(),
        rejected: z.number(),
        pass_rate: numberOrNull,
        verified_batches: z.number(),
      }),
      alerts: z.object({
        open: z.number(),
        by_severity: z.record(z.string(), z.number()),
        by_type: z.record(z.string(), z.number()),
      }),
      expiry: z.object({
        past_expiry_in_stock: ZShare,
        within_30_days: ZShare,
        within_60_days: ZShare,
        within_90_days: ZShare,
      }),
    }),
  },

  recentActivities: {
    route: "GET /api/activities/recent",
    rule: readers,
    summary:
      "Recent activity newest first, merged from audit records, chain events, alerts, verification requests and sync runs; `kind` filters (comma-separated), `limit` (1–100, default 20), `cursor` pages.",
    query: ZRecentActivityQuery,
    response: pageOf(
      z.object({
        id: z.string(),
        kind: z.enum(activityKinds),
        at: z.string(),
        title: z.string(),
        detail: textOrNull,
        batch_id: numberOrNull,
        batch_code: textOrNull,
        status: textOrNull,
        severity: textOrNull,
        actor: textOrNull,
        tx_hash: textOrNull,
      }),
    ),
  },

  analytics: {
    route: "GET /api/analytics",
    rule: readers,
    tag: "Analytics",
    summary:
      "The analytics page's charts as tables, read from rollups refreshed every 5 minutes: stock by origin / process / warehouse over time, verification pass rate and discrepancies, quality grades, fraud risk and top factors, alerts opened and resolved, events and sync lag, batches expiring within 30/60/90 days, and the stock forecast per origin (Holt's method, 95% band, backtest). Kilograms are exact decimal strings. `format=csv` with one `chart` downloads that table as CSV.",
    query: ZAnalyticsQuery,
    response: z.object({
      filters: z.record(z.string(), z.unknown()),
      status: z.object({
        refreshed_at: textOrNull,
        refreshed_through: textOrNull,
        duration_ms: numberOrNull,
      }),
      charts: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          description: z.string(),
          columns: z.array(z.object({ key: z.string(), label: z.string(), isNumeric: z.boolean().optional() })),
          rows: z.array(z.record(z.string(), cell)),
          chart: z.record(z.string(), z.unknown()),
          note: z.string().optional(),
        }),
      ),
    }),
  },
});
