// What coffee of an origin sold for lately in a currency, per grade: the kilogram-weighted average
// price of the order lines shipped in the last year, and how many lines it rests on.
import "server-only";

import { sql } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";
import type { QualityGrade } from "@/lib/quality/schemas";

export async function recentPrices(
  db: Db | Tx,
  origin: string,
  currency: string,
): Promise<Partial<Record<QualityGrade, { price_per_kg: string; sales: number }>>> {
  const { rows } = await db.execute<{ grade: QualityGrade; price: string; sales: number }>(sql`
    select b.quality_grade as grade, round(sum(l.price_per_kg * l.quantity) / sum(l.quantity), 2)::text as price,
      count(*)::int as sales
    from order_lines l join orders o on o.id = l.order_id join batches b on b.id = l.batch_id
    where o.status in ('shipped', 'delivered') and o.shipped_at > now() - interval '365 days'
      and b.origin_country = ${origin} and o.currency = ${currency} and b.quality_grade is not null
    group by b.quality_grade`);
  return Object.fromEntries(rows.map((r) => [r.grade, { price_per_kg: r.price, sales: r.sales }]));
}
