// A reorganisation's undo: the movements of orphaned events leave the ledger, newest first (so no
// balance passes below zero on the way), and the triggers take their effect off holdings, warehouse
// stock and stock on hand.
import { desc, eq, inArray } from "drizzle-orm";

import type { Tx } from "@/lib/db";
import { stockMovements } from "@/lib/db/schema";

export async function removeMovements(tx: Tx, eventIds: number[]): Promise<number> {
  if (!eventIds.length) return 0;
  const rows = await tx
    .select({ id: stockMovements.id })
    .from(stockMovements)
    .where(inArray(stockMovements.eventId, eventIds))
    .orderBy(desc(stockMovements.id));
  for (const r of rows) await tx.delete(stockMovements).where(eq(stockMovements.id, r.id));
  return rows.length;
}
