import { eq } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { batches, organisations, organisationWallets, webhookEndpoints } from "@/lib/db/schema";
import type { QualityCheck } from "@/lib/quality/schemas";

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

/** A roaster whose delivery wallet (one of its own) is `wallet`; its id. */
export async function insertBuyer(db: Db, name: string, wallet: string): Promise<number> {
  const [buyer] = await db.insert(organisations).values({ name, kind: "roaster" }).returning();
  await db.insert(organisationWallets).values({ address: wallet.toLowerCase(), organisationId: buyer.id });
  await db.update(organisations).set({ deliveryWallet: wallet.toLowerCase() }).where(eq(organisations.id, buyer.id));
  return buyer.id;
}

/** An active webhook endpoint for batch.created that has failed `failureStreak` times in a row. */
export async function insertFailingEndpoint(db: Db, url: string, failureStreak: number) {
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ url, eventTypes: ["batch.created"], secretSealed: "sealed", failureStreak })
    .returning();
  return endpoint;
}

/** A quality check that grades specialty with nothing held against it. */
export const specialtyCheck: QualityCheck = {
  cupping_score: 85.5,
  moisture_pct: 11,
  primary_defects: 0,
  secondary_defects: 3,
  sample_grams: 350,
  screen_size: 17,
  screen_size_variance_pct: 2,
  quakers: 0,
};
