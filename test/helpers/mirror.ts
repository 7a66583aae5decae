// What the database says about the chain, without bookkeeping (ids, times, change numbers), so a
// database that lived through crashes, reorgs or a bad RPC can be compared with a clean run.
import { asc, eq, isNotNull, ne } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { batches, blockchainEvents, holdings, stockMovements, warehouseStock } from "@/lib/db/schema";

const bookkeeping = ["id", "createdAt", "updatedAt", "lastSyncedAt", "processedAt", "seq", "eventId", "occurredAt"];

const strip = <T extends object>(row: T, also: string[] = []) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => ![...bookkeeping, ...also].includes(k)));

/** `attempts` counts handler runs, which a replay after a reorg legitimately repeats. */
export async function mirror(db: Db, { withAttempts = true } = {}) {
  const rows = await db.select().from(batches).where(isNotNull(batches.tokenId)).orderBy(asc(batches.tokenId));
  const events = await db
    .select()
    .from(blockchainEvents)
    .where(ne(blockchainEvents.status, "reorged"))
    .orderBy(asc(blockchainEvents.blockNumber), asc(blockchainEvents.logIndex));
  const movements = await db
    .select({ m: stockMovements })
    .from(stockMovements)
    .innerJoin(blockchainEvents, eq(blockchainEvents.id, stockMovements.eventId))
    .orderBy(asc(stockMovements.blockNumber), asc(blockchainEvents.logIndex), asc(stockMovements.part));
  const held = await db.select().from(holdings).orderBy(asc(holdings.tokenId), asc(holdings.holder));
  const stock = await db
    .select()
    .from(warehouseStock)
    .orderBy(asc(warehouseStock.tokenId), asc(warehouseStock.holder), asc(warehouseStock.warehouse));
  return {
    batches: rows.map((r) => strip(r)),
    events: events.map((e) => strip(e, withAttempts ? [] : ["attempts"])),
    movements: movements.map((r) => strip(r.m)),
    holdings: held.map((r) => strip(r)),
    warehouseStock: stock.map((r) => strip(r)),
  };
}
