// The dashboard's figures, all from the counters (lib/stats/counts.ts): one read of a small table,
// whatever the number of batches, and exact to the gram and the cent.
import "server-only";

import type { Scope } from "@/lib/auth/scope";
import { batchFilterValues } from "@/lib/batches/schemas";
import { batchIdsInScope } from "@/lib/batches/scope";
import { gramsToKg } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { alertSeverities, alertTypes } from "@/lib/db/enums";
import { countBatches, readCounts, type Count, type Counts } from "@/lib/stats/counts";
import { noCount, sumCounts } from "@/lib/stats/sum";
import { getStockSummary, unpromisedStock } from "@/lib/stock/ledger";

/** A share of the batches: how many, how many kilograms, what they are worth (price × quantity, per batch to the cent). */
export type Share = { batches: number; quantity_kg: string; value_usd: string };

export type DashboardMetrics = {
  as_of: string;
  today: string;
  totals: Share;
  in_stock: Share;
  by_status: Record<string, Share>;
  by_verification_status: Record<string, Share>;
  by_sync_status: Record<string, Share>;
  by_origin_country: ({ value: string } & Share)[];
  by_process: Record<string, Share>;
  by_warehouse: ({ value: string } & Share)[];
  by_quality_grade: Record<string, Share>;
  by_risk_level: Record<string, Share>;
  verification: {
    pending: number;
    approved: number;
    rejected: number;
    pass_rate: number | null;
    verified_batches: number;
  };
  alerts: { open: number; by_severity: Record<string, number>; by_type: Record<string, number> };
  expiry: { past_expiry_in_stock: Share; within_30_days: Share; within_60_days: Share; within_90_days: Share };
  /** What holders other than buyers hold and no order has promised, and what orders hold (in transit included). */
  orders: { reserved_kg: string; available_kg: string };
  /** Kilograms on hand per warehouse, from the stock ledger's holdings (a move shows here at once). */
  stock_by_warehouse: { warehouse: string; name: string | null; on_hand_kg: string }[];
};

const share = (c: Count = noCount): Share => ({ batches: c.n, quantity_kg: c.kg, value_usd: c.usd });

/** Every known value, zero when no batch has it, plus any other value the counters hold. */
function byValue(counts: Counts, dimension: string, known: readonly string[]): Record<string, Share> {
  const values = counts[dimension] ?? {};
  return Object.fromEntries([...new Set([...known, ...Object.keys(values)])].map((v) => [v, share(values[v])]));
}

function ranked(counts: Counts, dimension: string) {
  return Object.entries(counts[dimension] ?? {})
    .map(([value, c]) => ({ value, ...share(c) }))
    .sort((a, b) => b.batches - a.batches || a.value.localeCompare(b.value));
}

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `today` is a UTC date (YYYY-MM-DD); expiry windows run from it, inclusive, for 30, 60 and 90 days. */
export function toMetrics(counts: Counts, today: string, asOf: Date): DashboardMetrics {
  const n = (dimension: string, value: string) => counts[dimension]?.[value]?.n ?? 0;
  const expiry = Object.entries(counts.expiry_date ?? {});
  const expiringBy = (days: number) =>
    sumCounts(expiry.filter(([d]) => d >= today && d <= addDays(today, days)).map(([, c]) => c));
  const [approved, rejected] = [n("verification_requests", "approved"), n("verification_requests", "rejected")];
  const severities = byValue(counts, "open_alert_severity", alertSeverities);
  const types = byValue(counts, "open_alerts", alertTypes);
  return {
    as_of: asOf.toISOString(),
    today,
    totals: share(counts.all?.all),
    // On hand: what the holders hold on chain, so a partial redemption or a write-off lowers it.
    in_stock: share(counts.in_stock?.all),
    by_status: byValue(counts, "status", batchFilterValues.status),
    by_verification_status: byValue(counts, "verification_status", batchFilterValues.verification_status),
    by_sync_status: byValue(counts, "sync_status", batchFilterValues.sync_status),
    by_origin_country: ranked(counts, "origin_country"),
    by_process: byValue(counts, "process", [...batchFilterValues.process, "none"]),
    by_warehouse: ranked(counts, "warehouse"),
    by_quality_grade: byValue(counts, "quality_grade", [...batchFilterValues.quality_grade, "none"]),
    by_risk_level: byValue(counts, "risk_level", [...batchFilterValues.risk_level, "none"]),
    verification: {
      pending: n("verification_requests", "pending"),
      approved,
      rejected,
      // Of the requests decided so far, the share approved; none decided yet is no rate at all.
      pass_rate: approved + rejected ? Math.round((approved / (approved + rejected)) * 10_000) / 10_000 : null,
      verified_batches: n("verification_status", "verified"),
    },
    alerts: {
      open: Object.values(severities).reduce((sum, s) => sum + s.batches, 0),
      by_severity: Object.fromEntries(Object.entries(severities).map(([k, s]) => [k, s.batches])),
      by_type: Object.fromEntries(Object.entries(types).map(([k, s]) => [k, s.batches])),
    },
    expiry: {
      past_expiry_in_stock: share(sumCounts(expiry.filter(([d]) => d < today).map(([, c]) => c))),
      within_30_days: share(expiringBy(30)),
      within_60_days: share(expiringBy(60)),
      within_90_days: share(expiringBy(90)),
    },
    orders: { reserved_kg: "0.000", available_kg: "0.000" },
    stock_by_warehouse: [],
  };
}

/** For the operating company, from the counters; for an organisation, the same figures from its own batches. */
export async function getDashboardMetrics(db: Db, scope: Scope, now = new Date()): Promise<DashboardMetrics> {
  const [counts, stock, forSale] = await Promise.all([
    scope.kind === "all" ? readCounts(db) : countBatches(db, batchIdsInScope(scope)),
    getStockSummary(db, scope),
    unpromisedStock(db, scope),
  ]);
  const stockByWarehouse = stock.by_warehouse.map((w) => ({
    warehouse: w.warehouse,
    name: w.name,
    on_hand_kg: w.on_hand_kg,
  }));
  return {
    ...toMetrics(counts, now.toISOString().slice(0, 10), now),
    orders: { reserved_kg: gramsToKg(forSale.reserved), available_kg: gramsToKg(forSale.available) },
    stock_by_warehouse: stockByWarehouse,
  };
}
