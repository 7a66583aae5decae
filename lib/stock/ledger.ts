// Reads of the stock ledger, within the caller's scope: movements with filters and cursor paging
// (newest first), a batch's holders, stock on hand per warehouse and per holder.
import "server-only";

import { and, desc, eq, inArray, lt, or, sql, type Column, type SQL } from "drizzle-orm";

import { everyPage } from "@/lib/api/cursor";
import { ApiError } from "@/lib/api/errors";
import { filterBy } from "@/lib/api/filters";
import type { Scope } from "@/lib/auth/scope";
import { batchesInScope, batchIdsInScope } from "@/lib/batches/scope";
import { gramsToKg } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { onDays } from "@/lib/db/days";
import { heldReturnStatuses } from "@/lib/db/enums";
import { batches, blockchainTransactions, holdings, returns, stockMovements, warehouseStock } from "@/lib/db/schema";

import type { MovementQuery } from "./schemas";

export type MovementJson = {
  id: number;
  batch_id: number | null;
  batch_code: string | null;
  token_id: string;
  type: string;
  quantity_kg: string;
  from_holder: string | null;
  to_holder: string | null;
  from_warehouse: string | null;
  to_warehouse: string | null;
  reason: string | null;
  note: string | null;
  actor: string | null;
  tx_hash: string | null;
  block_number: string | null;
  occurred_at: string;
};

const ofBatch = and(eq(batches.chainId, stockMovements.chainId), eq(batches.tokenId, stockMovements.tokenId));

/** A movement from or to `value` (a warehouse, a holder); no value, no condition. */
const fromOrTo = (from: Column, to: Column, value: string | undefined) =>
  value === undefined ? undefined : or(eq(from, value), eq(to, value));

function filters(scope: Scope, q: Omit<MovementQuery, "cursor" | "limit">): SQL | undefined {
  return and(
    batchesInScope(scope),
    filterBy(q, { batch_id: batches.id, type: stockMovements.type }),
    fromOrTo(stockMovements.fromWarehouse, stockMovements.toWarehouse, q.warehouse),
    fromOrTo(stockMovements.fromHolder, stockMovements.toHolder, q.holder),
    onDays(stockMovements.occurredAt, q.from, q.to),
  );
}

const columns = { m: stockMovements, batchId: batches.id, batchCode: batches.batchCode };

function toJson(r: {
  m: typeof stockMovements.$inferSelect;
  batchId: number | null;
  batchCode: string | null;
}): MovementJson {
  const m = r.m;
  return {
    id: m.id,
    batch_id: r.batchId,
    batch_code: r.batchCode,
    token_id: m.tokenId,
    type: m.type,
    quantity_kg: gramsToKg(BigInt(m.quantity)),
    from_holder: m.fromHolder,
    to_holder: m.toHolder,
    from_warehouse: m.fromWarehouse,
    to_warehouse: m.toWarehouse,
    reason: m.reason,
    note: m.note,
    actor: m.actor,
    tx_hash: m.txHash,
    block_number: m.blockNumber?.toString() ?? null,
    occurred_at: m.occurredAt.toISOString(),
  };
}

const encodeCursor = (id: number) => Buffer.from(JSON.stringify(["movements", id])).toString("base64url");
function decodeCursor(raw: string): number {
  try {
    const [kind, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (kind === "movements" && Number.isSafeInteger(id) && id > 0) return id;
  } catch {}
  throw new ApiError("validation_error", "cursor: is not a cursor this API issued", [
    { path: "cursor", message: "is not a cursor this API issued" },
  ]);
}

export async function listMovements(
  db: Db,
  scope: Scope,
  q: MovementQuery,
): Promise<{ data: MovementJson[]; next_cursor: string | null }> {
  const before = q.cursor === undefined ? undefined : lt(stockMovements.id, decodeCursor(q.cursor));
  const rows = await db
    .select(columns)
    .from(stockMovements)
    .innerJoin(batches, ofBatch)
    .where(and(filters(scope, q), before))
    .orderBy(desc(stockMovements.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit).map(toJson);
  return { data: page, next_cursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].id) : null };
}

/** Every movement the filters match, newest first, in pages of 200 (for the CSV). */
export const allMovements = everyPage(listMovements);

/** Who holds how much of a batch, and where. */
export async function listBatchHoldings(db: Db, batchId: number) {
  const rows = await db
    .select({
      holder: warehouseStock.holder,
      warehouse: warehouseStock.warehouse,
      balance: warehouseStock.balance,
      total: holdings.balance,
    })
    .from(warehouseStock)
    .innerJoin(batches, and(eq(batches.chainId, warehouseStock.chainId), eq(batches.tokenId, warehouseStock.tokenId)))
    .innerJoin(
      holdings,
      and(
        eq(holdings.chainId, warehouseStock.chainId),
        eq(holdings.tokenId, warehouseStock.tokenId),
        eq(holdings.holder, warehouseStock.holder),
      ),
    )
    .where(eq(batches.id, batchId))
    .orderBy(warehouseStock.holder, warehouseStock.warehouse);
  return rows.map((r) => ({
    holder: r.holder,
    warehouse: r.warehouse,
    quantity_kg: gramsToKg(BigInt(r.balance)),
    holder_total_kg: gramsToKg(BigInt(r.total)),
  }));
}

/** Stock actions sent from a wallet for this batch and not yet in the ledger: shown as pending. */
export async function listPendingStockActions(db: Db, batchId: number) {
  return db
    .select({
      txHash: blockchainTransactions.txHash,
      kind: blockchainTransactions.kind,
      status: blockchainTransactions.status,
      createdAt: blockchainTransactions.createdAt,
    })
    .from(blockchainTransactions)
    .where(
      and(
        eq(blockchainTransactions.batchId, batchId),
        sql`${blockchainTransactions.kind} in ('stock_move', 'stock_adjust', 'stock_transfer')`,
        sql`${blockchainTransactions.status} in ('pending', 'mined')`,
        sql`not exists (select 1 from stock_movements m where m.tx_hash = ${blockchainTransactions.txHash})`,
      ),
    )
    .orderBy(desc(blockchainTransactions.id));
}

export type StockSummary = {
  by_warehouse: {
    warehouse: string;
    name: string | null;
    capacity_kg: string | null;
    on_hand_kg: string;
    used_pct: string | null;
    batches: number;
  }[];
  by_holder: { holder: string; on_hand_kg: string; batches: number }[];
};

/** Holdings rows of the batches in scope; for everyone, the table alone (the dashboard answers while batches is locked). */
function ofScope(table: "warehouse_stock" | "holdings", scope: Scope): SQL {
  if (scope.kind === "all") return sql.raw(table);
  return sql`(select s.* from ${sql.raw(table)} s join batches on batches.chain_id = s.chain_id and batches.token_id = s.token_id where ${batchesInScope(scope)})`;
}

/** Stock on hand per warehouse (with capacity used) and per holder, within the scope. */
export async function getStockSummary(db: Db, scope: Scope): Promise<StockSummary> {
  const byWarehouse = await db.execute<{
    warehouse: string;
    name: string | null;
    capacity_kg: string | null;
    grams: string;
    batches: string;
  }>(sql`
    select s.warehouse, w.name, w.capacity_kg::text, sum(s.balance)::text as grams, count(distinct s.token_id)::text as batches
    from ${ofScope("warehouse_stock", scope)} s left join warehouses w on w.code = s.warehouse
    group by 1, 2, 3 order by 1`);
  const byHolder = await db.execute<{ holder: string; grams: string; batches: string }>(sql`
    select h.holder, sum(h.balance)::text as grams, count(*)::text as batches
    from ${ofScope("holdings", scope)} h group by 1 order by sum(h.balance) desc, 1`);
  return {
    by_warehouse: byWarehouse.rows.map((r) => {
      const kg = gramsToKg(BigInt(r.grams));
      const pct = r.capacity_kg === null ? null : ((Number(kg) / Number(r.capacity_kg)) * 100).toFixed(1);
      return {
        warehouse: r.warehouse,
        name: r.name,
        capacity_kg: r.capacity_kg,
        on_hand_kg: kg,
        used_pct: pct,
        batches: Number(r.batches),
      };
    }),
    by_holder: byHolder.rows.map((r) => ({
      holder: r.holder,
      on_hand_kg: gramsToKg(BigInt(r.grams)),
      batches: Number(r.batches),
    })),
  };
}

/**
 * What holders other than buyers hold and no order has promised, and what orders hold (in transit
 * included), in grams, within the scope. Read from holdings, returns and reservations alone, so
 * the dashboard answers while batches is locked (expired batches' stock is unsold too).
 */
export async function unpromisedStock(db: Db, scope: Scope): Promise<{ available: bigint; reserved: bigint }> {
  const { rows } = await db.execute<{ for_sale: string; reserved: string }>(sql`
    select
      ((select coalesce(sum(s.balance), 0) from ${ofScope("warehouse_stock", scope)} s where not is_buyer_wallet(s.holder))
      -- Returned coffee awaiting its disposition is not for sale.
      - (select coalesce(sum(${returns.quantity}), 0) from ${returns} where ${inArray(returns.status, [...heldReturnStatuses])}
        ${scope.kind === "all" ? sql`` : sql`and ${returns.batchId} in ${batchIdsInScope(scope)}`}))::text as for_sale,
      (select coalesce(sum(r.quantity), 0) from reservations r where r.status in ('active', 'shipping')
        ${scope.kind === "all" ? sql`` : sql`and r.batch_id in ${batchIdsInScope(scope)}`})::text as reserved`);
  const forSale = BigInt(rows[0].for_sale);
  const reserved = BigInt(rows[0].reserved);
  return { available: forSale > reserved ? forSale - reserved : 0n, reserved };
}
