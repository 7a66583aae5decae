import type { Db } from "@/lib/db";
import { batches } from "@/lib/db/schema";

let seq = 0;

/** A batch row with unique code and token id; anything can be overridden. */
export function makeBatch(overrides: Partial<typeof batches.$inferInsert> = {}): typeof batches.$inferInsert {
  seq++;
  return {
    chainId: 31337,
    tokenId: String(100_000 + seq),
    batchCode: `TST-${String(seq).padStart(5, "0")}`,
    originCountry: "Ethiopia",
    productionDate: "2026-01-10",
    expiryDate: "2027-01-10",
    quantityKg: "1000.000",
    onchainQuantity: "1000000",
    ...overrides,
  };
}

export async function insertBatches(db: Db, rows: (typeof batches.$inferInsert)[]) {
  return db.insert(batches).values(rows).returning();
}
