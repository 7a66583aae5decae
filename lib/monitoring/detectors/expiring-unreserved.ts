// Stock for sale that nobody has reserved, close to its expiry: sell it before it is written off.
import { sql } from "drizzle-orm";

import { inStockStatuses } from "@/lib/db/enums";

import type { Detector } from "../detector";

export const expiringWithinDays = 30;
export const urgentWithinDays = 7;

type Row = {
  id: number;
  batch_code: string;
  expiry_date: string;
  days_left: number;
  for_sale_kg: string;
  price_per_kg: string | null;
  value_usd: string | null;
};

export const expiringUnreserved: Detector = {
  name: "expiring_unreserved",
  alert: "batch",
  recommends: "sell_before_expiry",
  rule: `A minted batch in stock expires within ${expiringWithinDays} days with stock for sale and none of it reserved.`,
  threshold: `0 ≤ days left ≤ ${expiringWithinDays}, for sale > 0, reserved = 0 (high at ≤ ${urgentWithinDays} days)`,
  async detect({ db }, now) {
    const today = now.toISOString().slice(0, 10);
    const { rows } = await db.execute<Row>(sql`
      select id::int, batch_code, expiry_date::text, days_left, (for_sale / 1000)::numeric(20, 3)::text as for_sale_kg,
        price_per_kg::text, (for_sale / 1000 * price_per_kg)::numeric(20, 2)::text as value_usd
      from (
        select b.id, b.batch_code, b.expiry_date, b.price_per_kg, (b.expiry_date - ${today}::date) as days_left,
          batch_sellable(b.id, null) as for_sale
        from batches b
        where b.token_id is not null and b.status in ${inStockStatuses}
          and b.expiry_date between ${today}::date and ${today}::date + ${expiringWithinDays}::int
      ) s
      where for_sale > 0 and batch_reserved(id, null) = 0
      order by id`);
    return {
      figures: { batches: rows.length },
      findings: rows.map((r) => ({
        source: `batch:${r.id}`,
        batchId: Number(r.id),
        severity: r.days_left <= urgentWithinDays ? "high" : "medium",
        message: `${r.for_sale_kg} kg of ${r.batch_code} expire in ${r.days_left} days and none is reserved.`,
        evidence: {
          batch_code: r.batch_code,
          expiry_date: r.expiry_date,
          days_left: r.days_left,
          for_sale_kg: r.for_sale_kg,
          price_per_kg: r.price_per_kg,
          value_usd: r.value_usd,
        },
      })),
    };
  },
};
