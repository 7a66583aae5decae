// Returns analytics, within the caller's scope: the return rate (kilograms returned against
// kilograms shipped) by origin, process and shipping warehouse; returns by reason; the value
// recovered against what the returned coffee was sold for (per currency); and the time from request
// to decision.
// Every return not rejected counts, from the moment it is requested.
import "server-only";

import { sql, type SQL } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import { gramsToKg } from "@/lib/chain/units";
import type { Db } from "@/lib/db";

import type { ReturnTable } from "./schemas";

const ownOrders = (scope: Scope, alias: string): SQL =>
  scope.kind === "all"
    ? sql`true`
    : scope.kind === "none"
      ? sql`false`
      : sql`${sql.raw(alias)}.buyer_id = ${scope.organisationId}`;

const shippedOrders = sql`o.status in ('shipped', 'delivered', 'refunded')`;

type RateRow = { value: string; shipped: string; returned: string; returns: number };

/** Shipped and returned grams per value of a batch column (origin, process). */
function byBatch(scope: Scope, column: SQL) {
  return sql`
    with shipped as (
      select ${column} as value, sum(l.quantity) as g from order_lines l
        join orders o on o.id = l.order_id join batches b on b.id = l.batch_id
      where ${shippedOrders} and ${ownOrders(scope, "o")} group by 1),
    returned as (
      select ${column} as value, sum(r.quantity) as g, count(*)::int as n from returns r join batches b on b.id = r.batch_id
      where r.status <> 'rejected' and ${ownOrders(scope, "r")} group by 1)
    select coalesce(s.value, x.value) as value, coalesce(s.g, 0)::text as shipped, coalesce(x.g, 0)::text as returned,
      coalesce(x.n, 0) as returns
    from shipped s full join returned x on x.value = s.value order by 1`;
}

/** Shipped and returned grams per warehouse the shipment left from (a return shares its shipment's warehouses pro rata). */
function byWarehouse(scope: Scope) {
  return sql`
    with parts as (
      select s.order_line_id, m.from_warehouse as value, m.quantity, s.quantity as shipped from shipments s
        join stock_movements m on m.tx_hash = s.tx_hash and m.type = 'shipped'
        join order_lines l on l.id = s.order_line_id join orders o on o.id = l.order_id
      where s.purpose = 'order' and s.status = 'indexed' and ${ownOrders(scope, "o")}),
    shipped as (select value, sum(quantity) as g from parts group by 1),
    returned as (
      select p.value, round(sum(r.quantity * p.quantity / p.shipped)) as g, count(distinct r.id)::int as n
      from returns r join parts p on p.order_line_id = r.order_line_id
      where r.status <> 'rejected' group by 1)
    select coalesce(s.value, x.value) as value, coalesce(s.g, 0)::text as shipped, coalesce(x.g, 0)::text as returned,
      coalesce(x.n, 0) as returns
    from shipped s full join returned x on x.value = s.value order by 1`;
}

const percent = (part: bigint, whole: bigint) =>
  whole === 0n ? null : (Number((part * 10_000n + whole / 2n) / whole) / 100).toFixed(2);

const rateJson = (r: RateRow) => ({
  value: r.value || "none",
  shipped_kg: gramsToKg(BigInt(r.shipped)),
  returned_kg: gramsToKg(BigInt(r.returned)),
  returns: r.returns,
  rate_pct: percent(BigInt(r.returned), BigInt(r.shipped)),
});

export async function returnAnalytics(db: Db, scope: Scope) {
  const rates = async (query: SQL) => (await db.execute<RateRow>(query)).rows.map(rateJson);
  const { rows: reasons } = await db.execute<{ value: string; returns: number; returned: string }>(sql`
    select reason as value, count(*)::int as returns, sum(quantity)::text as returned from returns r
    where status <> 'rejected' and ${ownOrders(scope, "r")} group by 1 order by 1`);
  const total = reasons.reduce((n, r) => n + r.returns, 0);
  // Money is summed per currency, never across.
  const { rows: recovery } = await db.execute<{
    currency: string;
    decided: number;
    original: string;
    recovered: string;
  }>(sql`
    select o.currency, count(*)::int as decided, sum(line_amount(r.quantity, l.price_per_kg))::text as original,
      sum(r.recovery_value)::text as recovered
    from returns r join order_lines l on l.id = r.order_line_id join orders o on o.id = r.order_id
    where r.disposition is not null and ${ownOrders(scope, "r")} group by o.currency order by o.currency`);
  const {
    rows: [time],
  } = await db.execute<{ decided: number; median: string | null; p90: string | null; average: string | null }>(sql`
    select count(*)::int as decided,
      round((percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at) / 3600))::numeric, 2)::text as median,
      round((percentile_cont(0.9) within group (order by extract(epoch from decided_at - created_at) / 3600))::numeric, 2)::text as p90,
      round(avg(extract(epoch from decided_at - created_at) / 3600)::numeric, 2)::text as average
    from returns r where decided_at is not null and ${ownOrders(scope, "r")}`);
  const cents = (money: string) => BigInt(money.replace(".", ""));
  return {
    by_origin: await rates(byBatch(scope, sql`b.origin_country`)),
    by_process: await rates(byBatch(scope, sql`coalesce(b.process, 'none')`)),
    by_warehouse: await rates(byWarehouse(scope)),
    by_reason: reasons.map((r) => ({
      value: r.value,
      returns: r.returns,
      returned_kg: gramsToKg(BigInt(r.returned)),
      share_pct: percent(BigInt(r.returns), BigInt(total)),
    })),
    recovery: recovery.map((r) => ({
      currency: r.currency,
      decided: r.decided,
      original_value: r.original,
      recovery_value: r.recovered,
      recovered_pct: percent(cents(r.recovered), cents(r.original)),
    })),
    decision_hours: { decided: time.decided, median: time.median, p90: time.p90, average: time.average },
  };
}
export type ReturnAnalytics = Awaited<ReturnType<typeof returnAnalytics>>;

/** One table of the analytics as CSV rows (header first). */
export function analyticsRows(a: ReturnAnalytics, table: ReturnTable): (string | number | null)[][] {
  if (table === "reason")
    return [
      ["reason", "returns", "returned_kg", "share_pct"],
      ...a.by_reason.map((r) => [r.value, r.returns, r.returned_kg, r.share_pct]),
    ];
  return [
    [table, "shipped_kg", "returned_kg", "returns", "rate_pct"],
    ...a[`by_${table}`].map((r) => [r.value, r.shipped_kg, r.returned_kg, r.returns, r.rate_pct]),
  ];
}
