// What a batch has for sale and has promised (supabase/migrations/20261130100000_orders.sql's
// batch_sellable and batch_reserved): the inventory and the batch page show it beside on hand.
import { sql } from "drizzle-orm";

import type { Db, Tx } from "@/lib/db";

export type StockFigures = { for_sale: bigint; reserved: bigint; available: bigint };

/** For sale, reserved (in transit included) and available grams of each batch (at a warehouse, when given). */
export async function stockFigures(
  db: Db | Tx,
  ids: number[],
  warehouse: string | null = null,
): Promise<Map<number, StockFigures>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute<{ id: string; for_sale: string; reserved: string }>(sql`
    select id::text, batch_sellable(id, ${warehouse})::text as for_sale, batch_reserved(id, ${warehouse})::text as reserved
    from unnest(${`{${ids.join(",")}}`}::bigint[]) as id`);
  return new Map(
    rows.map((r) => {
      const reserved = BigInt(r.reserved);
      const forSale = BigInt(r.for_sale);
      return [Number(r.id), { for_sale: forSale, reserved, available: forSale > reserved ? forSale - reserved : 0n }];
    }),
  );
}
