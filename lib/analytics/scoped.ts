// The rollups cover every organisation's batches. For an organisation's member, the charts that can
// be told from its own batches read the same shapes computed from the base tables, limited to its
// batches; the rest are shown to the operating company only (lib/analytics/charts.ts).
import { sql, type SQL } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import { batchIdsInScope } from "@/lib/batches/scope";

const dims = sql.raw("b.origin_country, coalesce(b.process, 'none'), coalesce(b.warehouse, 'none')");

/**
 * analytics_stock_daily (or `rollup`, a coarser one with the columns the read needs), or the same
 * rows from the scope's batches (minted on the day the row was made, removed on its removal day).
 */
export function stockSource(scope: Scope, rollup: SQL = sql`analytics_stock_daily`): SQL {
  if (scope.kind === "all") return rollup;
  const ids = batchIdsInScope(scope);
  return sql`(select day, o as origin_country, p as process, w as warehouse, sum(mk) as minted_kg, sum(rk) as removed_kg from (
      select b.created_at::date, ${dims}, b.quantity_kg, 0::numeric from batches b where b.status not in ('draft', 'pending_mint') and b.id in ${ids}
      union all
      select r.removed_at::date, ${dims}, 0::numeric, b.quantity_kg from analytics_removals r join batches b on b.id = r.batch_id where b.id in ${ids}
    ) x (day, o, p, w, mk, rk) group by 1, 2, 3, 4) as analytics_stock_daily`;
}

/** analytics_expiry, or the same rows from the scope's sellable batches. */
export function expirySource(scope: Scope): SQL {
  if (scope.kind === "all") return sql`analytics_expiry`;
  return sql`(select b.expiry_date, ${dims}, count(*)::int as batches, sum(b.quantity_kg) as kg
      from batches b where b.status in ('active', 'verified', 'flagged') and b.id in ${batchIdsInScope(scope)} group by 1, 2, 3, 4) as analytics_expiry (expiry_date, origin_country, process, warehouse, batches, kg)`;
}

/**
 * Stock per warehouse from the stock ledger, in the same shape as analytics_stock_daily: each
 * movement adds its quantity to the warehouse it arrives at and takes it from the one it leaves, on
 * the day it happened, so a move shows in both warehouses' history and history stays as it was.
 */
export function ledgerStockSource(scope: Scope): SQL {
  const inScope = scope.kind === "all" ? sql`true` : sql`b.id in ${batchIdsInScope(scope)}`;
  return sql`(select m.occurred_at::date as day, b.origin_country, coalesce(b.process, 'none') as process, x.warehouse,
      (greatest(x.grams, 0) / 1000.0)::numeric(20, 3) as minted_kg, (greatest(-x.grams, 0) / 1000.0)::numeric(20, 3) as removed_kg
    from stock_movements m join batches b on b.chain_id = m.chain_id and b.token_id = m.token_id
    cross join lateral (values (m.to_warehouse, case when m.to_holder is null then 0 else m.quantity end), (m.from_warehouse, case when m.from_holder is null then 0 else -m.quantity end)) x (warehouse, grams)
    where x.grams <> 0 and ${inScope}) as analytics_stock_daily`;
}
