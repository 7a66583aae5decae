// What a batch has for sale and has promised (supabase/migrations/20261130100000_orders.sql's
// batch_sellable and batch_reserved): the inventory and the batch page show it beside on hand.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

export type StockFigures = { reserved: bigint; available: bigint };

/** Reserved (in transit included) and available grams of each batch. */
export async function stockFigures(db: Db, ids: number[]): Promise<Map<number, StockFigures>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ id: string; for_sale: string; reserved: string }>(sql`
    select id::text, batch_sellable(id, null)::text as for_sale, batch_reserved(id, null)::text as reserved
    from unnest(${`{${ids.join(",")}}`}::bigint[]) as id`);
  return new Map(
    rows.map((r) => {
      const reserved = BigInt(r.reserved);
      const forSale = BigInt(r.for_sale);
      return [Number(r.id), { reserved, available: forSale > reserved ? forSale - reserved : 0n }];
    }),
  );
}
