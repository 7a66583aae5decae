// What the database says about the chain, without bookkeeping (ids, times, change numbers), so a
// database that lived through crashes, reorgs or a bad RPC can be compared with a clean run.
import { asc, isNotNull, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { batches, blockchainEvents } from "@/lib/db/schema";

const bookkeeping = ["id", "createdAt", "updatedAt", "lastSyncedAt", "processedAt", "seq"];

const strip = <T extends object>(row: T, also: string[] = []) => Object.fromEntries(Object.entries(row).filter(([k]) => ![...bookkeeping, ...also].includes(k)));

/** `attempts` counts handler runs, which a replay after a reorg legitimately repeats. */
export async function mirror(db: Db, { withAttempts = true } = {}) {
  const rows = await db.select().from(batches).where(isNotNull(batches.tokenId)).orderBy(asc(batches.tokenId));
  const events = await db.select().from(blockchainEvents).where(ne(blockchainEvents.status, "reorged")).orderBy(asc(blockchainEvents.blockNumber), asc(blockchainEvents.logIndex));
  return { batches: rows.map((r) => strip(r)), events: events.map((e) => strip(e, withAttempts ? [] : ["attempts"])) };
}

