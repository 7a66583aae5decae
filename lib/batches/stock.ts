// What a batch has for sale and has promised (supabase/migrations/20261130100000_orders.sql's
// batch_sellable and batch_reserved): the inventory and the batch page show it beside on hand.
import { sql } from "drizzle-orm";

import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

import { batchesInScope } from "./scope";

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

/**
 * Over the batches in scope still for sale (active, verified, flagged): what holders other than
 * buyers hold and orders have not promised, and what orders hold (in transit included), in grams.
 */
export async function availableStock(db: Db, scope: Scope): Promise<StockFigures> {
  const { rows } = await db.execute<{ available: string; reserved: string }>(sql`
    with sale as (
      select ${batches.id} as id, sum(s.balance) as grams
      from warehouse_stock s join ${batches} on ${batches.chainId} = s.chain_id and ${batches.tokenId} = s.token_id
      where ${batches.status} in ('active', 'verified', 'flagged') and ${batchesInScope(scope) ?? sql`true`}
        and not exists (select 1 from organisation_wallets w join organisations o on o.id = w.organisation_id
          where w.address = s.holder and o.kind in ('importer', 'roaster'))
      group by 1),
    held as (
      select r.batch_id, sum(r.quantity) as grams from reservations r
      where r.status in ('active', 'shipping') and r.batch_id in (select id from sale) group by 1)
    select coalesce(sum(greatest(sale.grams - coalesce(held.grams, 0), 0)), 0)::text as available,
      coalesce(sum(held.grams), 0)::text as reserved
    from sale left join held on held.batch_id = sale.id`);
  return { available: BigInt(rows[0].available), reserved: BigInt(rows[0].reserved) };
}
